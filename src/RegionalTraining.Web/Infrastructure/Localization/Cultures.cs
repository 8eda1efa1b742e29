using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>
/// The three cultures of the portal. ar-MA and fr-MA, never neutral "ar" or ar-SA: they keep the Gregorian
/// calendar and ASCII digits, which Moroccan users expect.
/// </summary>
public static class Cultures
{
    public const string Arabic = "ar-MA";
    public const string French = "fr-MA";
    public const string English = "en";
    public const string Default = Arabic;

    public static readonly IReadOnlyList<string> Supported = [Arabic, French, English];

    public static IList<CultureInfo> SupportedCultureInfos => Supported.Select(c => new CultureInfo(c)).ToList();

    /// <summary>The supported culture for a language tag ("fr-FR" → fr-MA, "ar" → ar-MA), or null.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var language = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return language switch
        {
            "ar" => Arabic,
            "fr" => French,
            "en" => English,
            _ => null,
        };
    }

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;
}

/// <summary>
/// Reads Accept-Language by language rather than by exact culture, so a browser set to fr-FR or ar-EG gets
/// fr-MA or ar-MA instead of falling through to the default.
/// </summary>
public sealed class LanguageOnlyRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return NullProviderCultureResult;
        }

        var ranked = header.Split(',')
            .Select((part, index) =>
            {
                var pieces = part.Split(';');
                var quality = 1.0;
                var q = pieces.Skip(1).FirstOrDefault(p => p.Trim().StartsWith("q=", StringComparison.Ordinal));
                if (q is not null && !double.TryParse(q.Trim()[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out quality))
                {
                    quality = 0;
                }

                return (Tag: pieces[0], Quality: quality, Index: index);
            })
            .Where(x => x.Quality > 0)
            .OrderByDescending(x => x.Quality).ThenBy(x => x.Index);
        foreach (var (tag, _, _) in ranked)
        {
            if (Cultures.Match(tag) is { } culture)
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
            }
        }

        return NullProviderCultureResult;
    }
}
