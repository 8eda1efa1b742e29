using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace RegionalTraining.Web.Infrastructure.Input;

/// <summary>The longest each text of a list or dictionary (its values) may be, where one attribute per text is not possible.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class EachStringLengthAttribute(int maximumLength) : ValidationAttribute("The {0} field must have at most {1} characters.")
{
    public int MaximumLength { get; } = maximumLength;

    public override string FormatErrorMessage(string name) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, ErrorMessageString, name, MaximumLength);

    public override bool IsValid(object? value)
    {
        var texts = value switch
        {
            IDictionary dictionary => dictionary.Values.OfType<string>(),
            IEnumerable<string> list => list,
            _ => [],
        };
        return texts.All(t => t.Length <= MaximumLength);
    }
}
