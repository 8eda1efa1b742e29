using System.Globalization;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.ViewModels.Shared;

/// <summary>Small helpers the views share: direction, language names and bilingual names.</summary>
public static class LayoutHelpers
{
    public static bool IsRtl => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static string Direction => IsRtl ? "rtl" : "ltr";

    public static string LanguageTag => CultureInfo.CurrentUICulture.Name;

    /// <summary>Each language named in itself, as a switcher should.</summary>
    public static IReadOnlyList<(string Culture, string Label, string Lang)> Languages { get; } =
    [
        (Cultures.Arabic, "العربية", "ar"),
        (Cultures.French, "Français", "fr"),
        (Cultures.English, "English", "en"),
    ];

    public static string Name(string? arabic, string? french) => Bilingual.Pick(arabic, french);
}
