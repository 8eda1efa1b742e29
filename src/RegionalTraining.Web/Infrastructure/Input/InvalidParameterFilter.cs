using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RegionalTraining.Web.Infrastructure.Input;

/// <summary>
/// A post whose loose parameters (ids, enum values, flags: what buttons and hidden fields send) do not bind — an
/// undefined enum value such as <c>ownerKind=999</c>, a word for a number — answers 400 instead of running the
/// action with a default value in their place. Form models are left to their actions, which show field errors.
/// </summary>
public sealed class InvalidParameterFilter(ILogger<InvalidParameterFilter> logger) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method) || context.ModelState.IsValid)
        {
            return;
        }

        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            if (IsLoose(parameter.ParameterType) && context.ModelState.GetFieldValidationState(name) == ModelValidationState.Invalid)
            {
                logger.LogWarning("Post to {Path} refused: parameter {Parameter} is not valid", context.HttpContext.Request.Path.Value, name);
                context.Result = new BadRequestResult();
                return;
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>A value converted from one text (number, enum, date, flag), or a list or dictionary of them.</summary>
    internal static bool IsLoose(Type type)
    {
        if (type != typeof(string) && type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments().All(IsLoose);
        }

        return System.ComponentModel.TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
    }
}
