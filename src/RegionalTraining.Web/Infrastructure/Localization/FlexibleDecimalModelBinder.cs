using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>
/// Binds numbers whatever the reader's culture: "12,5", "12.5" and Arabic-Indic digits all work, and anything
/// else is refused with a localized message while the typed text is kept for the form. Whole-number fields
/// refuse decimals instead of rounding them.
/// </summary>
public sealed class FlexibleDecimalModelBinder(IStringLocalizer<SharedResource> t, bool wholeNumber = false) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        // In a count, "1.000" or "1,000" is a thousands separator to some and a decimal to others: refuse it
        // rather than store 1 or 1000 by guess.
        if (wholeNumber && text.IndexOfAny(['.', ',', '\u066B']) >= 0)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["\"{0}\" is not a whole number.", text]);
        }
        else if (NumberInput.TryParseDecimal(text, out var number))
        {
            if (!wholeNumber)
            {
                bindingContext.Result = ModelBindingResult.Success(number);
            }
            else if (number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                bindingContext.Result = ModelBindingResult.Success((int)number);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["\"{0}\" is not a whole number.", text]);
            }
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                t["\"{0}\" is not a number. Use digits, with a comma or a point for decimals.", text]);
        }

        return Task.CompletedTask;
    }
}

public sealed class FlexibleDecimalModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type != typeof(decimal) && type != typeof(int))
        {
            return null;
        }

        return new FlexibleDecimalModelBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>(), wholeNumber: type == typeof(int));
    }
}
