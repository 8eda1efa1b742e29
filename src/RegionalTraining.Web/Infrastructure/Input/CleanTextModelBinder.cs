using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Web.Infrastructure.Input;

/// <summary>
/// Every bound text goes through <see cref="TextInput.Clean"/>: one place for all forms, query strings and
/// route values, so no service has to remember it.
/// </summary>
public sealed class CleanTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text)
        {
            bindingContext.Result = ModelBindingResult.Success(TextInput.Clean(text));
        }
    }
}

public sealed class CleanTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new CleanTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
}
