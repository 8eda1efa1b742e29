using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Meetings;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.IntegrationTests.Meetings.Archive;

namespace RegionalTraining.IntegrationTests.Meetings.Corrections;

/// <summary>Through the portal: a published meeting's agenda corrected from its staff page, seen by an anonymous reader whose page is cached.</summary>
public sealed class CorrectionPageTests(CountingPortal portal) : IClassFixture<CountingPortal>
{
    [Theory]
    [InlineData("fr-MA", "Corrigé le", "Motif de la correction")]
    [InlineData("ar-MA", "صُحّح في", "سبب التصحيح")]
    [InlineData("en", "Corrected on", "Reason for the correction")]
    public async Task AgendaOfAPublishedMeeting_IsRefusedWithoutAReason_AndWithOneTheCachedPublicPageShowsTheCorrection(string culture, string correctedOn, string reasonLabel)
    {
        var meeting = await PublishedMeeting.CreateAsync(portal, "Réunion figée " + culture, "Compte rendu publié");
        var id = await portal.WithDbAsync(db => db.Meetings.Where(m => m.Slug == meeting.Slug).Select(m => m.Id).SingleAsync());
        var staff = await portal.SignedInClientAsync("staff@demo.local", culture);
        var anonymous = portal.NewClient(culture);
        Assert.DoesNotContain("id=\"corrections\"", await anonymous.GetStringAsync("/archive/" + meeting.Slug));
        Assert.Contains(reasonLabel, WebUtility.HtmlDecode(await staff.GetStringAsync($"/Meetings/Details/{id}")));

        var refused = await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddAgendaItem/{id}", Form(reason: ""));
        var refusedPage = WebUtility.HtmlDecode(await staff.GetStringAsync(refused.Headers.Location!.OriginalString));
        var accepted = await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddAgendaItem/{id}", Form(reason: "Point oublié à la saisie"));
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/archive/" + meeting.Slug));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains(culture == "en" ? "Give the reason for the correction." : culture == "fr-MA" ? "Indiquez le motif de la correction." : "اذكر سبب التصحيح.", refusedPage);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.AgendaItems.CountAsync(a => a.MeetingId == id)));
        Assert.Contains(correctedOn, page);
        Assert.Contains("Point oublié à la saisie", page);
        Assert.Contains("Bilan de l'année", page);
    }

    [Fact]
    public async Task DecisionFollowUp_OfAPublishedMeeting_NeedsNoReason_AndMakesNoCorrection()
    {
        var meeting = await PublishedMeeting.CreateAsync(portal, "Réunion suivie", "Compte rendu publié");
        var id = await portal.WithDbAsync(db => db.Meetings.Where(m => m.Slug == meeting.Slug).Select(m => m.Id).SingleAsync());
        var staff = await portal.SignedInClientAsync("staff@demo.local");
        await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddDecision/{id}",
            new Dictionary<string, string> { ["textFr"] = "Équiper l'atelier", ["ownerKind"] = "Directorate", ["correctionReason"] = "Décision omise" });
        var decisionId = await portal.WithDbAsync(db => db.Decisions.Where(d => d.MeetingId == id).Select(d => d.Id).SingleAsync());

        var noted = await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddDecisionNote/{id}",
            new Dictionary<string, string> { ["decisionId"] = decisionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "Commande passée", ["status"] = "InProgress" });

        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        Assert.Equal(DecisionStatus.InProgress, await portal.WithDbAsync(db => db.Decisions.Where(d => d.Id == decisionId).Select(d => d.Status).SingleAsync()));
        Assert.Equal(1, await portal.WithDbAsync(db => db.MeetingCorrections.CountAsync(c => c.MeetingId == id)));
    }

    private static Dictionary<string, string> Form(string reason) => new()
    {
        ["type"] = "Discussion", ["titleFr"] = "Bilan de l'année", ["day"] = "1", ["correctionReason"] = reason,
    };
}
