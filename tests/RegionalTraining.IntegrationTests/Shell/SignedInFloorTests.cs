using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>
/// The benchmark's signed-in floor (docs/decisions/0032-signed-in-floor.md): absent unless configured, and when
/// configured it still goes through sign-in, so that it measures what every signed-in page pays.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SignedInFloorTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task SignedInFloor_WithoutTheSetting_IsNotFound()
    {
        var client = await factory.SignedInClientAsync("staff@demo.local");

        var response = await client.GetAsync(AppPipeline.SignedInFloorPath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SignedInFloor_WhenConfigured_SendsAnonymousRequestsToSignInAndAnswersSignedInOnes()
    {
        await using var portal = factory.WithWebHostBuilder(b => b.UseSetting("Benchmark:SignedInFloor", "true"));
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(RegionalTrainingFactory.ClientAddressHeader, RegionalTrainingFactory.NewClientAddress());

        var anonymous = await client.GetAsync(AppPipeline.SignedInFloorPath);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/Account/Login", anonymous.Headers.Location?.AbsolutePath);

        var login = await client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = "staff@demo.local",
            ["Password"] = RegionalTrainingFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var signedIn = await client.GetAsync(AppPipeline.SignedInFloorPath);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("signed in", await signedIn.Content.ReadAsStringAsync());
    }
}
