using System.Net;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>
/// A label followed by its value ("Chair: …") takes its colon from one resource, "{0}:", so French pages put the space
/// before it as every French message does ("Président : …"), and the views do not type an English colon. The French
/// space is a no-break space: a plain one left the colon alone at the start of the next line in a narrow card.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LabelColonTests(RegionalTrainingFactory factory)
{
    [Theory]
    [InlineData("fr-MA", "Ce que les partenaires ont couvert\u00A0:", "Ce que les partenaires ont couvert :")]
    [InlineData("ar-MA", "ما غطّاه الشركاء:", "ما غطّاه الشركاء :")]
    [InlineData("en", "What partners covered:", "What partners covered :")]
    public async Task RegisterOverview_PutsTheColonAfterALabelAsTheLanguageWritesIt(string culture, string expected, string wrong)
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local", culture);

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/Register/Overview"));

        Assert.Contains(expected, html);
        Assert.DoesNotContain(wrong, html);
    }

    [Theory]
    [InlineData("fr-MA", "Présidence\u00A0:", "Présidence:")]
    [InlineData("ar-MA", "الرئاسة:", "الرئاسة :")]
    public async Task PublishedMeeting_PutsTheColonAfterTheChairAsTheLanguageWritesIt(string culture, string expected, string wrong)
    {
        var html = WebUtility.HtmlDecode(await factory.NewClient(culture).GetStringAsync("/archive/2023-01-20-rencontre-des-directeurs-d-etablissements-mirleft"));

        Assert.Contains(expected, html);
        Assert.DoesNotContain(wrong, html);
    }
}
