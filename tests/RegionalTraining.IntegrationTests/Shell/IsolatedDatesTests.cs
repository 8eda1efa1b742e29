using System.Net;
using System.Text.RegularExpressions;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.IntegrationTests.Profiles;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>
/// A date in an Arabic sentence is isolated left to right (LayoutHelpers.LeftToRight): bare, the bidirectional algorithm
/// takes its digits for Arabic numbers after Arabic letters, and 2026-12-03 reads 03-12-2026 on the printed sheet.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class IsolatedDatesTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task PrintedSheet_InArabic_IsolatesThePrintingTime()
    {
        await using var sheet = await ProfileFixtures.FreshProfileAsync(factory, "ISTA-FEB-MIRLEFT");

        var html = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync("director.mirleft@demo.local", "ar-MA")).GetStringAsync($"/Profiles/{sheet.Id}/Print"));

        Assert.Matches(IsolatedTime(), html);
    }

    [Fact]
    public async Task EstablishmentPage_InArabic_IsolatesTheLastChange()
    {
        var id = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");

        var html = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync("staff@demo.local", "ar-MA")).GetStringAsync($"/Establishments/Details/{id}"));

        Assert.Matches(IsolatedTime(), html);
    }

    [Fact]
    public async Task PublishedMeeting_InArabic_IsolatesThePublicationDay()
    {
        var slug = Regex.Match(await factory.NewClient("ar-MA").GetStringAsync("/archive"), "href=\"/archive/([^\"/?.]+)\"").Groups[1].Value;

        var html = WebUtility.HtmlDecode(await factory.NewClient("ar-MA").GetStringAsync("/archive/" + slug));

        Assert.Matches("\u2066\\d{4}-\\d{2}-\\d{2}\u2069", html);
    }

    [GeneratedRegex("\u2066\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\u2069")]
    private static partial Regex IsolatedTime();
}
