using Microsoft.AspNetCore.Http;
using RegionalTraining.Web.Controllers;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.UnitTests.Web;

public sealed class CulturesTests
{
    [Theory]
    [InlineData("fr-FR", "fr-MA")]
    [InlineData("FR", "fr-MA")]
    [InlineData("ar", "ar-MA")]
    [InlineData("ar-SA", "ar-MA")]
    [InlineData("en-GB", "en")]
    [InlineData("es-ES", null)]
    [InlineData("", null)]
    public void Match_ByLanguage_ReturnsSupportedCulture(string tag, string? expected) =>
        Assert.Equal(expected, Cultures.Match(tag));

    [Theory]
    [InlineData("es-ES,fr;q=0.8,ar;q=0.9", "ar-MA")]
    [InlineData("en;q=0.5,fr-CA", "fr-MA")]
    [InlineData("ar;q=0,fr;q=0.1", "fr-MA")]
    public async Task AcceptLanguage_RankedByQuality_PicksBestSupported(string header, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = header;

        var result = await new LanguageOnlyRequestCultureProvider().DetermineProviderCultureResult(context);

        Assert.Equal(expected, result!.Cultures.Single().Value);
    }

    [Fact]
    public async Task AcceptLanguage_WithOnlyUnsupported_LeavesTheDefault()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "de-DE,es";

        Assert.Null(await new LanguageOnlyRequestCultureProvider().DetermineProviderCultureResult(context));
    }

    [Theory]
    [InlineData("/Establishments?culture=ar-MA&ui-culture=ar-MA&page=2", "/Establishments?page=2")]
    [InlineData("/Establishments?culture=ar-MA", "/Establishments")]
    [InlineData("/", "/")]
    public void StripCultureQuery_RemovesOnlyCultureParameters(string url, string expected) =>
        Assert.Equal(expected, LanguageController.StripCultureQuery(url));
}
