using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure.Performance;

namespace RegionalTraining.IntegrationTests.Dashboards;

/// <summary>
/// The dashboard is served as rendered for the same key, language, person and address
/// (docs/decisions/0038-rendered-signed-in-pages.md): a view from memory must be the page a render would give, and
/// never another person's or another language's. Freshness after an approval is <see cref="DashboardFreshnessTests"/>;
/// a role removed or a notice added between two views is <c>SignedInRequestTests</c>.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class RenderedDashboardTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task SecondView_IsTheFirstByteForByte_FromOnePageKept()
    {
        var client = await factory.SignedInClientAsync("staff@demo.local");
        var pages = factory.Services.GetRequiredService<RenderedPages>();
        const string address = "/Dashboards?year=2018&submitted=true";

        var before = pages.Count;
        var first = await client.GetAsync(address);
        Assert.Equal(before + 1, pages.Count);
        var second = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("text/html; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(before + 1, pages.Count);
        Assert.Contains("no-store", second.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPeopleWithTheSameRights_EachSeesHisOwnNameAndBadge()
    {
        var first = await MemberAsync("rendered.first@test.local");
        var second = await MemberAsync("rendered.second@test.local");
        await factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Core.Notifications.Notification { UserId = second.UserId, MessageKey = "test", Link = "/", CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var firstPage = await first.Client.GetStringAsync("/Dashboards");
        var secondPage = await second.Client.GetStringAsync("/Dashboards");
        var firstAgain = await first.Client.GetStringAsync("/Dashboards");

        Assert.Equal("rendered.first", AccountName(firstPage));
        Assert.Equal("rendered.second", AccountName(secondPage));
        Assert.Equal(firstPage, firstAgain);
        Assert.DoesNotContain("badge text-bg-warning", firstPage, StringComparison.Ordinal);
        Assert.Contains("badge text-bg-warning\">1<", secondPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-MA", "rtl")]
    [InlineData("fr-MA", "ltr")]
    [InlineData("en", "ltr")]
    public async Task EachLanguage_GetsItsOwnPage_AfterTheOthersWereKept(string culture, string direction)
    {
        foreach (var other in new[] { "ar-MA", "fr-MA", "en" })
        {
            await (await factory.SignedInClientAsync("regional.director@demo.local", other)).GetStringAsync("/Dashboards?year=2019");
        }

        var client = await factory.SignedInClientAsync("regional.director@demo.local", culture);
        var page = await client.GetStringAsync("/Dashboards?year=2019");
        var again = await client.GetStringAsync("/Dashboards?year=2019");

        Assert.Contains($"<html lang=\"{culture}\" dir=\"{direction}\">", page, StringComparison.Ordinal);
        Assert.Equal(page, again);
    }

    [Fact]
    public async Task SameFiguresAtAnotherAddress_LinkTheLanguagesBackToThatAddress()
    {
        var client = await factory.SignedInClientAsync("regional.director@demo.local");

        var plain = await client.GetStringAsync("/Dashboards?year=2019");
        var tagged = await client.GetStringAsync("/Dashboards?year=2019&from=menu");

        Assert.Contains("returnUrl=%2FDashboards%3Fyear%3D2019\"", plain, StringComparison.Ordinal);
        Assert.Contains("returnUrl=%2FDashboards%3Fyear%3D2019%26from%3Dmenu\"", tagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserAcceptingBrotli_GetsTheKeptPageCompressedOnce_NotTwice()
    {
        var client = await factory.SignedInClientAsync("regional.director@demo.local");
        var plain = await client.GetStringAsync("/Dashboards?year=2017");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Dashboards?year=2017");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var compressed = await client.SendAsync(request);

        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        await using var brotli = new System.IO.Compression.BrotliStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        Assert.Equal(plain, await reader.ReadToEndAsync());
    }

    private static string AccountName(string page) => UserName().Match(page) is { Success: true } m ? m.Groups[1].Value : "(none)";

    [GeneratedRegex("<span class=\"compact-label\">([^<@]+)</span></button>")]
    private static partial Regex UserName();

    private async Task<(string UserId, HttpClient Client)> MemberAsync(string email) =>
        (await factory.CreateMemberAsync(email, Roles.DirectorateStaff), await factory.SignedInClientAsync(email));
}
