using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using RegionalTraining.IntegrationTests.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Security;

/// <summary>
/// The sign-out form's token is issued once per antiforgery cookie and person, then handed again from memory
/// (docs/decisions/0037): the same session sees the same token, another person never sees it, and the token still
/// works, and is still required, as any antiforgery token.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class SignOutTokenTests(RegionalTrainingFactory factory)
{
    private async Task<HttpClient> SignInAsync(HttpClient client, string email)
    {
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = RegionalTrainingFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> SignOutTokenAsync(HttpClient client, string path)
    {
        var match = SignOutForm().Match(await client.GetStringAsync(path));
        Assert.True(match.Success, $"No sign-out form on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static Task<HttpResponseMessage> SignOutAsync(HttpClient client, string token) =>
        client.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

    [Fact]
    public async Task SignOutForm_OnTwoPagesOfOneSession_CarriesOneTokenThatSignsOut()
    {
        await AccountTestData.CreateAccountAsync(factory, "signout.same@test.local");
        var client = await SignInAsync(factory.NewClient(), "signout.same@test.local");

        var first = await SignOutTokenAsync(client, "/Establishments");
        var second = await SignOutTokenAsync(client, "/Profiles");
        var signOut = await SignOutAsync(client, second);

        Assert.Equal(first, second);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Establishments")).StatusCode);
    }

    [Fact]
    public async Task SignOutToken_OfThePersonBefore_IsRefusedToTheNextOneInTheSameBrowser()
    {
        await AccountTestData.CreateAccountAsync(factory, "signout.before@test.local");
        await AccountTestData.CreateAccountAsync(factory, "signout.after@test.local");
        var browser = await SignInAsync(factory.NewClient(), "signout.before@test.local");
        var before = await SignOutTokenAsync(browser, "/Establishments");
        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(browser, before)).StatusCode);

        await SignInAsync(browser, "signout.after@test.local");
        var after = await SignOutTokenAsync(browser, "/Establishments");
        var withTheOldToken = await SignOutAsync(browser, before);

        Assert.NotEqual(before, after);
        Assert.Equal(HttpStatusCode.BadRequest, withTheOldToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Establishments")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(browser, after)).StatusCode);
    }

    [Fact]
    public async Task SignOutForm_WithoutAnAntiforgeryCookie_IssuesOneThatGoesWithItsToken()
    {
        await AccountTestData.CreateAccountAsync(factory, "signout.nocookie@test.local");
        var login = await factory.NewClient().PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = "signout.nocookie@test.local",
            ["Password"] = RegionalTrainingFactory.Password,
        });
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rt.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var bare = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var page = new HttpRequestMessage(HttpMethod.Get, "/Establishments");
        page.Headers.Add("Cookie", auth);
        var response = await bare.SendAsync(page);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rt.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(SignOutForm().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        using var withoutToken = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent([]) };
        withoutToken.Headers.Add("Cookie", $"{auth}; {antiforgery}");
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
        withToken.Headers.Add("Cookie", $"{auth}; {antiforgery}");

        Assert.Equal(HttpStatusCode.BadRequest, (await bare.SendAsync(withoutToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await bare.SendAsync(withToken)).StatusCode);
    }

    [GeneratedRegex(@"action=""/Account/Logout"">\s*<input name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex SignOutForm();
}
