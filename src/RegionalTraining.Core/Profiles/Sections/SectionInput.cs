using System.Collections;
using System.Globalization;
using System.Reflection;

namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>
/// One section of the identity sheet as a form posts it, the rules read it and the service stores it. Each
/// implementation declares its fields once, with their limits, how they are read from and written to the
/// profile, and what carries over to a new training year.
/// </summary>
public interface ISectionInput
{
    static abstract ProfileSection Section { get; }
}

/// <summary>A posted switch about a row (remove it), not a stored value: left out of comparisons and history.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FormOnlyAttribute : Attribute;

/// <summary>
/// The fields of a section input found by reflection, named as the form names them ("Computers",
/// "Programmes[2].Capacity"), so history, comparisons and counts never list the fields again.
/// </summary>
public static class SectionFields
{
    /// <summary>Every stored value of the input, rows included, keyed by its form name.</summary>
    public static IEnumerable<(string Field, object? Value)> Values(object input, string prefix = "")
    {
        foreach (var property in Properties(input.GetType()))
        {
            var value = property.GetValue(input);
            if (value is IList rows && property.PropertyType != typeof(string))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var field in Values(rows[i]!, $"{prefix}{property.Name}[{i}]."))
                    {
                        yield return field;
                    }
                }
            }
            else
            {
                yield return (prefix + property.Name, value);
            }
        }
    }

    /// <summary>The scalar fields of the input (no rows), as invariant text, for the history.</summary>
    public static Dictionary<string, string?> Scalars(object input) =>
        Properties(input.GetType()).Where(p => !typeof(IList).IsAssignableFrom(p.PropertyType) || p.PropertyType == typeof(string))
            .ToDictionary(p => p.Name, p => Text(p.GetValue(input)));

    /// <summary>The stored values that differ from what was typed, by form name (after a refused save).</summary>
    public static Dictionary<string, object?> Differences(object typed, object stored)
    {
        var mine = Values(typed).ToDictionary(f => f.Field, f => f.Value);
        var theirs = Values(stored).ToDictionary(f => f.Field, f => f.Value);
        return mine.Keys.Union(theirs.Keys)
            .Where(key => Text(mine.GetValueOrDefault(key)) != Text(theirs.GetValueOrDefault(key)))
            // An empty row typed where nothing is stored is no difference worth showing.
            .Where(key => theirs.ContainsKey(key) || !IsBlank(mine.GetValueOrDefault(key)))
            .ToDictionary(key => key, key => theirs.GetValueOrDefault(key));
    }

    private static bool IsBlank(object? value) => value is null or 0 or false || (value is string s && string.IsNullOrWhiteSpace(s));

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<FormOnlyAttribute>() is null);
}
