using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure.RateLimiting;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>The public archive and feeds, and the dashboard downloads, are limited per client address.</summary>
[Collection(PortalCollection.Name)]
public sealed class RateLimitTests(RegionalTrainingFactory factory)
{
    private RateLimitingOptions Limits => factory.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;

    private static async Task<HttpResponseMessage> RequestUntilRefusedAsync(HttpClient client, string url, int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return await client.GetAsync(url);
    }

    [Theory]
    [InlineData("/archive/feed.atom")]
    [InlineData("/archive/calendar.ics")]
    [InlineData("/archive?q=test")]
    public async Task PublicArchive_OverItsLimitFromOneAddress_Gets429WhileAnotherAddressIsServed(string url)
    {
        var refused = await RequestUntilRefusedAsync(factory.NewClient("fr-MA"), url, Limits.PublicArchivePerAddress.PermitLimit);
        var other = await factory.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Patientez quelques minutes, puis réessayez.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task DashboardExport_OverItsLimitFromOneAddress_Gets429()
    {
        var admin = await factory.SignedInClientAsync("admin@demo.local");

        var refused = await RequestUntilRefusedAsync(admin, "/Dashboards/Export?table=provinces&format=csv", Limits.ExportsPerAddress.PermitLimit);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }
}
