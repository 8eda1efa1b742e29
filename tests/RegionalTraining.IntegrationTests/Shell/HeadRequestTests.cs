using System.Net;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.IntegrationTests.Profiles;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>
/// HEAD is answered wherever GET is (<c>HeadLikeGet</c>), with GET's status and headers and the same access checks;
/// it is no way around them, and a HEAD answered by a cached public page does not leave an empty page for GET.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HeadRequestTests(RegionalTrainingFactory factory)
{
    [Theory]
    [InlineData("/archive")]
    [InlineData("/archive/feed.atom")]
    [InlineData("/archive/calendar.ics")]
    [InlineData("/Account/Login")]
    public async Task Head_OfAPublicPage_AnswersAsGetDoes_AndTheNextGetStillHasTheWholePage(string url)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(RegionalTrainingFactory.ClientAddressHeader, RegionalTrainingFactory.NewClientAddress());

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = await client.GetAsync(url);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (head.StatusCode, get.StatusCode));
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.True((await get.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task Head_OfTheDashboard_SignedIn_AnswersOk_AndAnonymous_GoesToSignIn()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var signedIn = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/Dashboards"));
        using var refused = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/Dashboards"));

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Account/Login", refused.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Head_OfAnotherEstablishmentsSheet_IsForbidden_AsGetIs()
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", 2025);
        var dakhla = await factory.SignedInClientAsync("director.dakhla@demo.local");
        var id = await ProfileFixtures.StartAsync(factory, dakhla, "ISTA-DAKHLA", 2025);
        var mirleft = await factory.SignedInClientAsync("director.mirleft@demo.local");

        using var own = await dakhla.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/Profiles/{id}/General"));
        using var other = await mirleft.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/Profiles/{id}/General"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (own.StatusCode, other.StatusCode));
    }

    [Fact]
    public async Task Head_OfAnAddressThatOnlyTakesPosts_IsRefusedAsGetIs_AndSignsNobodyOut()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");

        using var head = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/Account/Logout"));
        using var get = await staff.GetAsync("/Account/Logout");
        using var stillSignedIn = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/Dashboards"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }
}
