using Microsoft.Extensions.Localization;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>
/// The one way to show an enum value: its resource key is "TypeName.Value" (e.g. "ProfileStatus.Draft"). Keys are
/// formed here only, and a resource test checks every value of every labelled enum in the three languages, so no
/// key is left unseen.
/// </summary>
public static class EnumLabels
{
    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => typeof(TEnum).Name + "." + value;

    public static LocalizedString Label<TEnum>(this IStringLocalizer localizer, TEnum value) where TEnum : struct, Enum => localizer[Key(value)];

    /// <summary>For a value whose enum type is known only when the page runs (a history line's field).</summary>
    public static LocalizedString Label(this IStringLocalizer localizer, Enum value) => localizer[value.GetType().Name + "." + value];

    /// <summary>For figures grouped by the enum's name (dashboards), parsed so an unknown name fails loudly.</summary>
    public static LocalizedString Label<TEnum>(this IStringLocalizer localizer, string name) where TEnum : struct, Enum =>
        localizer[Key(Enum.Parse<TEnum>(name))];
}
