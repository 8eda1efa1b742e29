using System.Net;
using RegionalTraining.IntegrationTests.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Security;

/// <summary>
/// Sign-out carries no antiforgery token (docs/decisions/0037): what a browser says comes from another site is refused
/// and the session goes on; from this site it signs out.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SameOriginOnlyTests(RegionalTrainingFactory factory)
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        await AccountTestData.CreateAccountAsync(factory, email);
        return await factory.SignedInClientAsync(email);
    }

    private static async Task<HttpStatusCode> SignOutAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent([]) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData("signout.here.fetch@test.local", "Sec-Fetch-Site", "same-origin")]
    [InlineData("signout.here.origin@test.local", "Origin", "http://localhost")]
    [InlineData("signout.here.bare@test.local", null, null)]
    public async Task SignOut_FromThisSiteWithoutAToken_EndsTheSession(string email, string? header, string? value)
    {
        var client = await SignedInAsync(email);

        var signOut = await SignOutAsync(client, header is null ? [] : [(header, value!)]);

        Assert.Equal(HttpStatusCode.Redirect, signOut);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Establishments")).StatusCode);
    }

    [Theory]
    [InlineData("signout.cross.site@test.local", "Sec-Fetch-Site", "cross-site")]
    [InlineData("signout.same.site@test.local", "Sec-Fetch-Site", "same-site")]
    [InlineData("signout.old.browser@test.local", "Origin", "https://attacker.example")]
    [InlineData("signout.null.origin@test.local", "Origin", "null")]
    public async Task SignOut_ThatABrowserSaysComesFromElsewhere_IsRefusedAndTheSessionGoesOn(string email, string header, string value)
    {
        var client = await SignedInAsync(email);

        var signOut = await SignOutAsync(client, (header, value));

        Assert.Equal(HttpStatusCode.BadRequest, signOut);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Establishments")).StatusCode);
    }
}
