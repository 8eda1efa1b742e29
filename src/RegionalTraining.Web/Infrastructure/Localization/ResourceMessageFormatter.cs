using System.Globalization;
using System.Resources;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>Formats a message key in a culture chosen by the caller (e-mails go out in Arabic and French at once).</summary>
public sealed class ResourceMessageFormatter : IMessageFormatter
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public string Format(string messageKey, IReadOnlyList<string> arguments, string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var template = Resources.GetString(messageKey, info) ?? messageKey;
        return arguments.Count == 0 ? template : string.Format(info, template, arguments.Cast<object>().ToArray());
    }

    public string FormatCount(string messageKey, long count, string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var category = PluralRules.For(info, count);
        var template = (category == PluralCategory.Other ? null : Resources.GetString(messageKey + PluralRules.Suffix(category), info))
            ?? Resources.GetString(messageKey, info) ?? messageKey;
        return string.Format(info, template, count.ToString(CultureInfo.InvariantCulture));
    }
}
