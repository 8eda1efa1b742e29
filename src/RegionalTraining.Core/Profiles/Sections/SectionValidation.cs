using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>
/// The limits a section input declares on its fields (range, length, format), checked outside a form post (the
/// workbook import) with the same attributes MVC checks on a post, and reported with the arguments MVC's
/// adapters give the same messages: {0} the field's display name, then the attribute's bounds.
/// </summary>
public static class SectionValidation
{
    public static IEnumerable<ValidationIssue> Check(ProfileSection section, object input, string prefix = "")
    {
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = property.GetValue(input);
            if (value is IList rows && property.PropertyType != typeof(string))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var issue in Check(section, rows[i]!, $"{prefix}{property.Name}[{i}]."))
                    {
                        yield return issue;
                    }
                }

                continue;
            }

            foreach (var broken in Broken(property, value))
            {
                yield return new ValidationIssue(section, prefix + property.Name, IssueLevel.Error, broken.MessageKey, broken.Arguments);
            }
        }
    }

    /// <summary>The attributes of one object's own properties that its values break (no lists): a form model checked outside a post, such as a row of a file.</summary>
    public static IEnumerable<Common.FieldError> Fields(object input) =>
        input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .SelectMany(p => Broken(p, p.GetValue(input)));

    private static IEnumerable<Common.FieldError> Broken(PropertyInfo property, object? value)
    {
        var name = property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name;
        return property.GetCustomAttributes<ValidationAttribute>().Where(a => !a.IsValid(value))
            .Select(a => new Common.FieldError(property.Name, a.ErrorMessage ?? string.Empty, Arguments(a, name)));
    }

    private static object[] Arguments(ValidationAttribute attribute, string displayName) => attribute switch
    {
        RangeAttribute range => [displayName, range.Minimum, range.Maximum],
        StringLengthAttribute length => [displayName, length.MaximumLength, length.MinimumLength],
        RegularExpressionAttribute pattern => [displayName, pattern.Pattern],
        _ => [displayName],
    };
}
