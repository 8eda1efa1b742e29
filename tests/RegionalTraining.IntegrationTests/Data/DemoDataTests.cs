using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Data;

[Collection(DemoDataCollection.Name)]
public sealed class DemoDataTests(DemoDataPortal portal)
{
    private const int CurrentStartYear = 2026;

    [Fact]
    public async Task FirstStart_OpensACampaignWithASheetInEveryState()
    {
        _ = portal.Server;
        var campaignId = await portal.WithDbAsync(db => db.Campaigns.Where(c => c.TrainingYear!.StartYear == CurrentStartYear).Select(c => c.Id).SingleAsync());
        await using var scope = portal.Services.CreateAsyncScope();

        var total = (await ((CampaignService)scope.ServiceProvider.GetRequiredService<ICampaignService>()).CompletenessAsync(campaignId))!.Total;

        Assert.Equal(19, total.Expected);
        Assert.All(new[] { total.NotStarted, total.Draft, total.Submitted, total.Returned, total.Approved, total.Late }, count => Assert.True(count > 0, $"{total}"));
    }

    [Fact]
    public async Task FirstStart_WritesTwoPastYearsOfApprovedSheetsWithTrainees()
    {
        _ = portal.Server;

        var years = await portal.WithDbAsync(db => db.Profiles.Where(p => p.TrainingYear!.StartYear < CurrentStartYear)
            .GroupBy(p => p.TrainingYear!.StartYear)
            .Select(g => new { Year = g.Key, Sheets = g.Count(), Approved = g.Count(p => p.Status == ProfileStatus.Approved), Trainees = g.Sum(p => p.Programmes.Sum(x => x.FirstYearTrainees + x.SecondYearTrainees)), Women = g.Sum(p => p.Programmes.Sum(x => x.FirstYearWomen)) })
            .OrderBy(y => y.Year).ToListAsync());

        Assert.Equal([CurrentStartYear - 2, CurrentStartYear - 1], years.Select(y => y.Year));
        Assert.All(years, y => Assert.True(y.Sheets == 19 && y.Approved == 19 && y.Trainees > 0 && y.Women > 0, $"{y}"));
    }

    [Fact]
    public async Task FirstStart_FollowsNeedsAndConstraintsThroughSeveralStatesWithTheirHistory()
    {
        _ = portal.Server;

        var statuses = await portal.WithDbAsync(db => db.Needs.Select(n => n.Status).Concat(db.Constraints.Select(c => c.Status)).Distinct().ToListAsync());
        var resolvedWithoutOutcome = await portal.WithDbAsync(db => db.Needs.CountAsync(n => n.Status == FollowUpStatus.Resolved && n.Outcome == null));
        var histories = await portal.WithDbAsync(db => db.FollowUpEntries.CountAsync(e => e.Kind == FollowUpEventKind.Assigned));
        var raisedWithoutFacts = await portal.WithDbAsync(db => db.FollowUpEntries.CountAsync(e => e.Kind == FollowUpEventKind.Raised && e.Facts == null));

        Assert.True(statuses.Count >= 5, string.Join(",", statuses));
        Assert.Equal(0, resolvedWithoutOutcome);
        Assert.True(histories > 0);
        Assert.Equal(0, raisedWithoutFacts);
    }

    [Fact]
    public async Task FirstStart_PutsTheFoundingDecisionsInFollowUpAndASecondMeetingInDraft()
    {
        _ = portal.Server;

        var decisions = await portal.WithDbAsync(db => db.Meetings.Where(m => m.Slug == DemoDataSeeder.FoundingMeetingSlug).SelectMany(m => m.Decisions.Select(d => d.Status)).ToListAsync());
        var draft = await portal.WithDbAsync(db => db.Meetings.Where(m => m.Slug == DemoDataSeeder.DraftMeetingSlug).Select(m => m.Summary!.Status).SingleAsync());

        Assert.Single(decisions, DecisionStatus.Done);
        Assert.True(decisions.Count(d => d == DecisionStatus.InProgress) >= 2);
        Assert.Equal(SummaryStatus.Draft, draft);
    }

    [Fact]
    public async Task SecondStart_AddsNothing()
    {
        _ = portal.Server;
        var before = await Fingerprint.OfAsync(portal);
        await using var scope = portal.Services.CreateAsyncScope();

        var added = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();

        Assert.Equal(0, added);
        Assert.Equal(before, await Fingerprint.OfAsync(portal));
    }

    [Fact]
    public async Task TwoFirstStarts_GiveTheSameFigures()
    {
        _ = portal.Server;
        await using var other = new DemoDataPortal();
        _ = other.Server;

        var first = await Fingerprint.OfAsync(portal);
        var second = await Fingerprint.OfAsync(other);

        Assert.Equal(first, second);
        Assert.NotEqual(0, first.Trainees);
    }

    [Fact]
    public async Task Pages_SayTheDataIsADemonstration_InTheVisitorsLanguage()
    {
        var client = portal.NewClient("fr-MA");

        var page = await client.GetStringAsync("/archive");

        Assert.Contains("data-demo-banner", page, StringComparison.Ordinal);
        Assert.Contains("Données de démonstration", page, StringComparison.Ordinal);
    }

    /// <summary>Figures that any change of the generated data would move.</summary>
    private sealed record Fingerprint(int Sheets, int Trainees, int Women, int Trainers, int Needs, string Statuses, int Equipment)
    {
        public static Task<Fingerprint> OfAsync(RegionalTrainingFactory factory) => factory.WithDbAsync(async db => new Fingerprint(
            await db.Profiles.CountAsync(),
            await db.Set<ProfileProgramme>().SumAsync(p => p.FirstYearTrainees + p.SecondYearTrainees),
            await db.Set<ProfileProgramme>().SumAsync(p => p.FirstYearWomen + p.SecondYearWomen),
            await db.Profiles.SumAsync(p => p.PermanentTrainers ?? 0),
            await db.Needs.CountAsync(),
            string.Join(",", await db.Profiles.OrderBy(p => p.EstablishmentId).ThenBy(p => p.TrainingYearId).Select(p => (int)p.Status).ToListAsync()),
            await db.Set<ProfileEquipment>().SumAsync(e => e.Quantity)));
    }
}
