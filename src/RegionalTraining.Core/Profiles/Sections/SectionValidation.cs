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

            var name = property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name;
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    yield return new ValidationIssue(section, prefix + property.Name, IssueLevel.Error, attribute.ErrorMessage ?? string.Empty, Arguments(attribute, name));
                }
            }
        }
    }

    private static object[] Arguments(ValidationAttribute attribute, string displayName) => attribute switch
    {
        RangeAttribute range => [displayName, range.Minimum, range.Maximum],
        StringLengthAttribute length => [displayName, length.MaximumLength, length.MinimumLength],
        RegularExpressionAttribute pattern => [displayName, pattern.Pattern],
        _ => [displayName],
    };
}
