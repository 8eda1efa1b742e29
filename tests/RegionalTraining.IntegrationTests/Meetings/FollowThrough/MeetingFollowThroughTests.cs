using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.FollowThrough;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.IntegrationTests.Meetings.FollowThrough;

/// <summary>
/// Meetings close the loop: the follow-up of the previous meeting on a new agenda, and the items resolved since the
/// previous meeting, read live before publication and frozen by it. The world's meeting (20 March 2026) is the previous one.
/// </summary>
public sealed class MeetingFollowThroughTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private static DateTime At(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    private static MeetingInput Input(DateOnly startsOn, bool followUp = true) => new(
        "Comité de suivi", "لجنة التتبع", MeetingKind.DirectorsMeeting, startsOn, startsOn, null, "Salle B", null, null, null, MeetingStatus.Planned, false, [])
    { FollowUpOfPrevious = followUp };

    /// <summary>A constraint of <paramref name="establishmentId"/> now in <paramref name="status"/>, with one history line of <paramref name="kind"/> at <paramref name="atUtc"/>.</summary>
    private Task<int> ItemAsync(int establishmentId, string description, FollowUpStatus status, FollowUpEventKind kind, DateTime atUtc) => _world.WithDbAsync(async db =>
    {
        var item = new Constraint
        {
            EstablishmentId = establishmentId, Description = description, Category = NeedCategory.BoardingAndTransport, Status = status,
            Outcome = status is FollowUpStatus.Resolved or FollowUpStatus.Closed ? "Fait : " + description : null,
            OutcomeOn = status is FollowUpStatus.Resolved or FollowUpStatus.Closed ? DateOnly.FromDateTime(atUtc) : null,
        };
        db.Constraints.Add(item);
        db.FollowUpEntries.Add(new FollowUpEntry { Constraint = item, AtUtc = atUtc, UserName = "Cadre", Kind = kind, Status = status });
        await db.SaveChangesAsync();
        return item.Id;
    });

    private Task AddDecisionAsync(int meetingId, string textFr, string textAr, DecisionStatus status) => _world.WithDbAsync(async db =>
    {
        db.Decisions.Add(new Decision { MeetingId = meetingId, TextFr = textFr, TextAr = textAr, Status = status, DueOn = new DateOnly(2026, 6, 30) });
        return await db.SaveChangesAsync();
    });

    private Task<int> MeetingAsync(DateOnly day, int? directorateId = null) => _world.WithDbAsync(async db =>
    {
        var meeting = new Meeting
        {
            DirectorateId = directorateId ?? _world.DirectorateId, TitleFr = "Réunion de février", TitleAr = "اجتماع فبراير", StartsOn = day, EndsOn = day,
            Slug = "r-" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    [Fact]
    public async Task Create_WithTheFollowUp_PutsFirstTheOpenDecisionsAndTheItemsChangedSinceInBothLanguages()
    {
        await AddDecisionAsync(_world.MeetingId, "Réhabiliter l'internat", "إصلاح الداخلية", DecisionStatus.Open);
        await AddDecisionAsync(_world.MeetingId, "Acheter un bus", "شراء حافلة", DecisionStatus.Done);
        await ItemAsync(_world.EstablishmentId, "Toiture qui fuit", FollowUpStatus.InProgress, FollowUpEventKind.Assigned, At(3, 22));
        await ItemAsync(_world.EstablishmentId, "Changé avant la réunion", FollowUpStatus.InProgress, FollowUpEventKind.Assigned, At(3, 19));
        await ItemAsync(_world.EstablishmentId, "Seulement commenté", FollowUpStatus.Raised, FollowUpEventKind.Commented, At(3, 23));
        await ItemAsync(_world.OtherEstablishmentId, "Autre direction", FollowUpStatus.InProgress, FollowUpEventKind.Assigned, At(3, 22));

        var result = await _world.Planning().SaveAsync(_world.Staff, null, null, Input(new DateOnly(2026, 5, 4)));

        Assert.True(result.Succeeded);
        var item = Assert.Single(await _world.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == result.Value).ToListAsync()));
        Assert.Equal((AgendaItemType.PreviousMeetingFollowUp, 1, MeetingFollowThroughService.TitleFr, "تتبع الاجتماع السابق"), (item.Type, item.Position, item.TitleFr, item.TitleAr));
        Assert.Contains("[fr-MA] Decisions of the previous meeting (Rencontre des directeurs, 2026-03-20) still open:", item.DescriptionFr);
        Assert.Contains("- Réhabiliter l'internat ([fr-MA] DecisionStatus.Open · 2026-06-30)", item.DescriptionFr);
        Assert.Contains("ISTA Sud: Toiture qui fuit — [fr-MA] FollowUpStatus.InProgress", item.DescriptionFr);
        Assert.Contains("- إصلاح الداخلية ([ar-MA] DecisionStatus.Open", item.DescriptionAr);
        Assert.Contains("معهد الجنوب: Toiture qui fuit", item.DescriptionAr);
        foreach (var absent in new[] { "Acheter un bus", "Changé avant la réunion", "Seulement commenté", "Autre direction" })
        {
            Assert.DoesNotContain(absent, item.DescriptionFr);
        }
    }

    [Fact]
    public async Task Create_WithTheBoxUnticked_LeavesTheAgendaEmpty()
    {
        var result = await _world.Planning().SaveAsync(_world.Staff, null, null, Input(new DateOnly(2026, 5, 4), followUp: false));

        Assert.False(await _world.WithDbAsync(db => db.AgendaItems.AnyAsync(a => a.MeetingId == result.Value)));
    }

    [Fact]
    public async Task Create_WithoutAPreviousMeeting_AddsNoFollowUp()
    {
        var result = await _world.Planning().SaveAsync(MeetingsDatabase.Administrator, null, _world.OtherDirectorateId, Input(new DateOnly(2026, 5, 4)));

        Assert.True(result.Succeeded);
        Assert.False(await _world.WithDbAsync(db => db.AgendaItems.AnyAsync(a => a.MeetingId == result.Value)));
        Assert.Null(await _world.FollowThrough(_world.NewContext()).PreviousAsync(_world.OtherDirectorateId, new DateOnly(2026, 5, 4), result.Value));
    }

    [Fact]
    public async Task Create_WithNothingOpenOrChanged_SaysSoInTheDescription()
    {
        var result = await _world.Planning().SaveAsync(_world.Staff, null, null, Input(new DateOnly(2026, 5, 4)));

        var item = await _world.WithDbAsync(db => db.AgendaItems.SingleAsync(a => a.MeetingId == result.Value));
        Assert.Contains("[fr-MA] No decision of the previous meeting is still open.", item.DescriptionFr);
        Assert.Contains("[ar-MA] No register item changed since then.", item.DescriptionAr);
    }

    [Fact]
    public async Task ResolvedSince_ListsTheDirectoratesItemsResolvedOrClosedBetweenTheTwoMeetingsOnly()
    {
        await MeetingAsync(new DateOnly(2026, 2, 10));
        var resolved = await ItemAsync(_world.EstablishmentId, "Citerne installée", FollowUpStatus.Resolved, FollowUpEventKind.Resolved, At(3, 1));
        var closed = await ItemAsync(_world.EstablishmentId, "Bus livré", FollowUpStatus.Closed, FollowUpEventKind.Confirmed, At(3, 20));
        await ItemAsync(_world.EstablishmentId, "Résolu avant", FollowUpStatus.Resolved, FollowUpEventKind.Resolved, At(2, 10));
        await ItemAsync(_world.EstablishmentId, "Résolu après", FollowUpStatus.Resolved, FollowUpEventKind.Resolved, At(3, 21));
        await ItemAsync(_world.EstablishmentId, "Rouvert depuis", FollowUpStatus.InProgress, FollowUpEventKind.Resolved, At(3, 2));
        await ItemAsync(_world.OtherEstablishmentId, "Autre direction", FollowUpStatus.Resolved, FollowUpEventKind.Resolved, At(3, 1));

        var page = await _world.Planning().PageAsync(_world.Staff, _world.MeetingId);

        Assert.Equal([resolved, closed], page!.ResolvedSince.Select(r => r.ItemId).Order());
        Assert.Equal("Fait : Citerne installée", page.ResolvedSince.Single(r => r.ItemId == resolved).Outcome);
    }

    [Fact]
    public async Task Publication_FreezesTheList_LaterMovesOfTheRegisterNoLongerChangeIt()
    {
        await MeetingAsync(new DateOnly(2026, 2, 10));
        var resolved = await ItemAsync(_world.EstablishmentId, "Citerne installée", FollowUpStatus.Resolved, FollowUpEventKind.Resolved, At(3, 1));

        await _world.SummaryAsync(SummaryStatus.Published);
        await _world.WithDbAsync(async db =>
        {
            var item = await db.Constraints.SingleAsync(c => c.Id == resolved);
            item.Status = FollowUpStatus.InProgress;
            item.Description = "Renommé après publication";
            await db.SaveChangesAsync();
            return 0;
        });
        await ItemAsync(_world.EstablishmentId, "Résolu après publication", FollowUpStatus.Resolved, FollowUpEventKind.Resolved, At(3, 5));

        var page = await _world.Planning().PageAsync(_world.Staff, _world.MeetingId);
        var frozen = Assert.Single(page!.ResolvedSince);
        Assert.Equal((resolved, "Citerne installée", FollowUpStatus.Resolved), (frozen.ItemId, frozen.Description, frozen.Status));
        Assert.Single(await _world.WithDbAsync(db => db.MeetingResolvedItems.Where(r => r.MeetingId == _world.MeetingId).ToListAsync()));
    }
}
