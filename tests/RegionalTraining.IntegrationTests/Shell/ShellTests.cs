using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Shell;

[Collection(PortalCollection.Name)]
public sealed class ShellTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task Health_WithMigratedDatabase_ReturnsHealthy()
    {
        var response = await factory.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_InArabic_IsRightToLeftWithArabicLettersUnencoded()
    {
        var html = await factory.NewClient(null).GetStringAsync("/?culture=ar-MA&ui-culture=ar-MA");

        Assert.Contains("<html lang=\"ar-MA\" dir=\"rtl\">", html);
        Assert.Matches(@"/lib/bootstrap/css/bootstrap\.rtl\.min\.[a-z0-9]+\.css", html);
        Assert.Contains("تسجيل الدخول", html);
        Assert.DoesNotContain("&#x6", html);
    }

    [Fact]
    public async Task Home_InFrench_IsLeftToRightInFrench()
    {
        var html = await factory.NewClient(null).GetStringAsync("/?culture=fr-MA&ui-culture=fr-MA");

        Assert.Contains("<html lang=\"fr-MA\" dir=\"ltr\">", html);
        Assert.Contains("Se connecter", html);
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9", "fr-MA")]
    [InlineData("ar-EG", "ar-MA")]
    [InlineData("en-US,en;q=0.8", "en")]
    [InlineData("de-DE", "ar-MA")]
    public async Task Home_WithBrowserLanguage_PicksMatchingCultureElseArabic(string acceptLanguage, string expected)
    {
        var html = await factory.NewClient(acceptLanguage).GetStringAsync("/");

        Assert.Contains($"<html lang=\"{expected}\"", html);
    }

    [Fact]
    public async Task LanguageSwitch_SetsCookieThatLaterRequestsFollow()
    {
        var client = factory.NewClient("ar-MA");

        var response = await client.GetAsync("/Language/Set?culture=fr-MA&returnUrl=%2FAccount%2FLogin%3Fculture%3Dar-MA");
        var html = await client.GetStringAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Contains("lang=\"fr-MA\"", html);
    }

    [Fact]
    public async Task LanguageSwitch_WithForeignReturnUrl_StaysOnThePortal()
    {
        var response = await factory.NewClient().GetAsync("/Language/Set?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LanguageLinks_OnAPageWithAQuery_AreWhatRoutingGeneratesAndLeadBackToThePage()
    {
        var client = factory.NewClient("fr-MA");
        const string page = "/archive?q=%D9%85%D9%8A%D8%B1%20atelier&page=1";
        var links = factory.Services.GetRequiredService<LinkGenerator>();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));

        foreach (var culture in new[] { "ar-MA", "en" })
        {
            var expected = links.GetPathByAction("Set", "Language", new { culture, returnUrl = page });
            Assert.Contains($"href=\"{expected}\">", html);
            var response = await client.GetAsync(expected);
            Assert.Equal(page, response.Headers.Location!.OriginalString);
        }

        Assert.DoesNotContain("culture=fr-MA&", html);
    }

    [Fact]
    public async Task AnyPage_CarriesSecurityHeaders()
    {
        var response = await factory.NewClient().GetAsync("/Account/Login");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task UnknownPage_ShowsLocalized404WithoutDetails()
    {
        var response = await factory.NewClient(null).GetAsync("/nowhere/at/all?culture=fr-MA&ui-culture=fr-MA");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRefused()
    {
        var response = await factory.NewClient().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@demo.local",
            ["Password"] = RegionalTrainingFactory.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("rt.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ProtectedPage_WhenAnonymous_RedirectsToSignIn()
    {
        var response = await factory.NewClient().GetAsync("/Establishments");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
