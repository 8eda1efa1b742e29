using System.Net;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Security;

/// <summary>Cookies and headers as a server in Production sends them (Security:SecureCookies true, HTTPS).</summary>
[Collection(ProductionCollection.Name)]
public sealed class ProductionHeaderTests(ProductionPortal portal)
{
    [Fact]
    public async Task TempDataCookie_WithSecureCookies_IsSecureHttpOnlyAndLax()
    {
        await portal.EnsureStaffAsync();
        var client = portal.Client("https://portail.example.org");
        await client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = ProductionPortal.StaffEmail, ["Password"] = RegionalTrainingFactory.Password,
        });

        // Changing the password to itself is refused by nothing and leaves a message for the next page in TempData.
        var response = await client.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = RegionalTrainingFactory.Password,
            ["NewPassword"] = RegionalTrainingFactory.Password,
            ["ConfirmPassword"] = RegionalTrainingFactory.Password,
        });
        var cookie = SetCookie(response, ".AspNetCore.Mvc.CookieTempDataProvider=");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LanguageCookie_WithSecureCookies_IsSecureEvenOverPlainHttpFromAProxy()
    {
        var response = await portal.Client("http://portail.example.org").GetAsync("/Language/Set?culture=fr-MA");
        var cookie = SetCookie(response, ".AspNetCore.Culture=");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hsts_ByDefault_IncludesSubDomainsWithoutPreload()
    {
        var response = await portal.Client("https://portail.example.org").GetAsync("/health");

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    private static string SetCookie(HttpResponseMessage response, string prefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.SingleOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"No {prefix} cookie among: {string.Join(" | ", cookies)}")
            : throw new Xunit.Sdk.XunitException($"No Set-Cookie at all ({response.StatusCode})");
}
