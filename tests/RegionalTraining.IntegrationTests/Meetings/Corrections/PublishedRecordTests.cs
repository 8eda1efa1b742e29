using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attendance;
using RegionalTraining.Core.Meetings.Corrections;
using RegionalTraining.Core.Meetings.Decisions;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.Core.Meetings.Planning;

namespace RegionalTraining.IntegrationTests.Meetings.Corrections;

/// <summary>Published means frozen: every public part of a published meeting changes only with a reason, which shows on its public page.</summary>
public sealed class PublishedRecordTests : IDisposable
{
    private const string Reason = "Erreur de saisie signalée par l'établissement";
    private static readonly AgendaInput Item = new(AgendaItemType.Discussion, "Débat sur l'insertion", "نقاش حول الإدماج", "M. Alaoui", "السيد العلوي", 30, 1);

    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task AddAgendaItem_ToAPublishedMeeting_WithoutAReason_IsInvalidOnTheReason_AndChangesNothing()
    {
        await _world.SummaryAsync(SummaryStatus.Published);

        var result = await _world.Planning().AddAgendaItemAsync(_world.Staff, _world.MeetingId, Item, "  ");

        AssertRefused(result);
        Assert.Equal(0, await _world.WithDbAsync(db => db.AgendaItems.CountAsync()));
        Assert.Equal(0, await _world.WithDbAsync(db => db.MeetingCorrections.CountAsync()));
    }

    [Fact]
    public async Task AddAgendaItem_ToAPublishedMeeting_WithAReason_SavesIt_AndThePublicPageShowsTheCorrection()
    {
        await _world.SummaryAsync(SummaryStatus.Published);

        Assert.True((await _world.Planning().AddAgendaItemAsync(_world.Staff, _world.MeetingId, Item, Reason)).Succeeded);

        var page = await PublicPageAsync();
        Assert.Single(page.Agenda);
        var correction = Assert.Single(page.Corrections);
        Assert.Equal((MeetingPart.Agenda, Reason, (string?)null), (correction.Part, correction.Reason, correction.Before));
        Assert.Contains("Débat sur l'insertion", correction.After, StringComparison.Ordinal);
        Assert.Equal(_world.Clock.GetUtcNow().UtcDateTime, correction.AtUtc);
    }

    [Fact]
    public async Task RemoveAndMoveAgendaItems_OfAPublishedMeeting_NeedAReason()
    {
        await _world.Planning().AddAgendaItemAsync(_world.Staff, _world.MeetingId, Item);
        await _world.Planning().AddAgendaItemAsync(_world.Staff, _world.MeetingId, Item with { TitleFr = "Clôture" });
        await _world.SummaryAsync(SummaryStatus.Published);
        var ids = await _world.WithDbAsync(db => db.AgendaItems.OrderBy(a => a.Position).Select(a => a.Id).ToListAsync());

        AssertRefused(await _world.Planning().MoveAgendaItemAsync(_world.Staff, _world.MeetingId, ids[1], -1));
        AssertRefused(await _world.Planning().RemoveAgendaItemAsync(_world.Staff, _world.MeetingId, ids[0]));
        Assert.Equal(ids, await _world.WithDbAsync(db => db.AgendaItems.OrderBy(a => a.Position).Select(a => a.Id).ToListAsync()));

        Assert.True((await _world.Planning().MoveAgendaItemAsync(_world.Staff, _world.MeetingId, ids[1], -1, Reason)).Succeeded);
        Assert.True((await _world.Planning().RemoveAgendaItemAsync(_world.Staff, _world.MeetingId, ids[0], Reason)).Succeeded);

        Assert.Equal([ids[1]], await _world.WithDbAsync(db => db.AgendaItems.Select(a => a.Id).ToListAsync()));
        var corrections = (await PublicPageAsync()).Corrections;
        Assert.Equal(2, corrections.Count);
        Assert.Contains("Débat sur l'insertion", corrections[1].Before, StringComparison.Ordinal);
        Assert.Null(corrections[1].After);
    }

    [Fact]
    public async Task SaveAttendance_OfAPublishedMeeting_NeedsAReason_AndRecordsBeforeAndAfter()
    {
        await _world.SummaryAsync(SummaryStatus.Published);
        AttendanceInput[] rows = [new(_world.EstablishmentId, AttendanceStatus.Present, "Mme Idrissi")];

        AssertRefused(await _world.Attendance().SaveAttendanceAsync(_world.Staff, _world.MeetingId, rows));
        Assert.Equal(AttendanceStatus.Unknown, await _world.WithDbAsync(db => db.MeetingInvitations.Select(i => i.Attendance).SingleAsync()));

        Assert.True((await _world.Attendance().SaveAttendanceAsync(_world.Staff, _world.MeetingId, rows, Reason)).Succeeded);

        var correction = Assert.Single((await PublicPageAsync()).Corrections);
        Assert.Equal(MeetingPart.Attendance, correction.Part);
        Assert.Contains("Unknown", correction.Before, StringComparison.Ordinal);
        Assert.Contains("Mme Idrissi", correction.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAndRemoveIntervention_OfAPublishedMeeting_NeedAReason()
    {
        await _world.SummaryAsync(SummaryStatus.Published);
        var input = new InterventionInput("M. Bennani", null, "Directeur", null, null, "Présentation des effectifs", null);

        AssertRefused(await _world.Attendance().AddInterventionAsync(_world.Staff, _world.MeetingId, input));
        Assert.Equal(0, await _world.WithDbAsync(db => db.Interventions.CountAsync()));
        Assert.True((await _world.Attendance().AddInterventionAsync(_world.Staff, _world.MeetingId, input, Reason)).Succeeded);
        var id = await _world.WithDbAsync(db => db.Interventions.Select(i => i.Id).SingleAsync());

        AssertRefused(await _world.Attendance().RemoveInterventionAsync(_world.Staff, _world.MeetingId, id, null));
        Assert.True((await _world.Attendance().RemoveInterventionAsync(_world.Staff, _world.MeetingId, id, "Doublon")).Succeeded);

        Assert.Equal(0, await _world.WithDbAsync(db => db.Interventions.CountAsync()));
        Assert.Equal([Reason, "Doublon"], (await PublicPageAsync()).Corrections.Select(c => c.Reason));
    }

    [Fact]
    public async Task AddDecision_ToAPublishedMeeting_NeedsAReason_ButItsFollowUpDoesNot()
    {
        var decision = new DecisionInput("Équiper l'atelier de soudure", "تجهيز ورشة التلحيم", DecisionOwnerKind.Directorate, null, null, new DateOnly(2026, 6, 30), []);
        await _world.Decisions().AddDecisionAsync(_world.Staff, _world.MeetingId, decision);
        await _world.SummaryAsync(SummaryStatus.Published);

        AssertRefused(await _world.Decisions().AddDecisionAsync(_world.Staff, _world.MeetingId, decision with { TextFr = "Une autre" }));
        Assert.Equal(1, await _world.WithDbAsync(db => db.Decisions.CountAsync()));
        var id = await _world.WithDbAsync(db => db.Decisions.Select(d => d.Id).SingleAsync());
        Assert.True((await _world.Decisions().AddNoteAsync(_world.Staff, _world.MeetingId, new DecisionNoteInput(id, "Commande passée", DecisionStatus.InProgress))).Succeeded);

        Assert.Equal(DecisionStatus.InProgress, await _world.WithDbAsync(db => db.Decisions.Select(d => d.Status).SingleAsync()));
        Assert.Empty((await PublicPageAsync()).Corrections);
        Assert.True((await _world.Decisions().AddDecisionAsync(_world.Staff, _world.MeetingId, decision with { TextFr = "Une autre" }, Reason)).Succeeded);
        Assert.Equal(MeetingPart.Decisions, Assert.Single((await PublicPageAsync()).Corrections).Part);
    }

    [Fact]
    public async Task SaveMeeting_Published_WithoutAReason_IsRefused_AndWithOne_RecordsTheHeadingBeforeAndAfter()
    {
        await _world.SummaryAsync(SummaryStatus.Published);
        var edit = await _world.Planning().EditAsync(_world.Staff, _world.MeetingId);
        Assert.True(edit!.Published);
        var input = edit.Input with { ChairNameFr = "M. le Directeur régional" };

        AssertRefused(await _world.Planning().SaveAsync(_world.Staff, _world.MeetingId, null, input, edit.RowVersion));
        Assert.Null(await _world.WithDbAsync(db => db.Meetings.Select(m => m.ChairNameFr).SingleAsync()));

        Assert.True((await _world.Planning().SaveAsync(_world.Staff, _world.MeetingId, null, input, edit.RowVersion, Reason)).Succeeded);

        var correction = Assert.Single((await PublicPageAsync()).Corrections);
        Assert.Equal(MeetingPart.Meeting, correction.Part);
        Assert.DoesNotContain("M. le Directeur régional", correction.Before, StringComparison.Ordinal);
        Assert.Contains("M. le Directeur régional", correction.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMeetingNotYetPublished_ChangesWithoutAReason_AndRecordsNoCorrection()
    {
        await _world.SummaryAsync(SummaryStatus.Approved);

        Assert.True((await _world.Planning().AddAgendaItemAsync(_world.Staff, _world.MeetingId, Item)).Succeeded);
        Assert.True((await _world.Attendance().SaveAttendanceAsync(_world.Staff, _world.MeetingId, [new(_world.EstablishmentId, AttendanceStatus.Present, null)])).Succeeded);
        Assert.False((await _world.Planning().EditAsync(_world.Staff, _world.MeetingId))!.Published);

        Assert.Equal(0, await _world.WithDbAsync(db => db.MeetingCorrections.CountAsync()));
    }

    [Fact]
    public async Task ACorrectionOfTheMinutes_IsListedWithTheOtherCorrections()
    {
        await _world.SummaryAsync(SummaryStatus.Published);
        _world.Clock.Advance(TimeSpan.FromDays(1));
        await _world.Planning().AddAgendaItemAsync(_world.Staff, _world.MeetingId, Item, Reason);
        var draft = await _world.Minutes().DraftAsync(_world.Staff, _world.MeetingId);
        _world.Clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await _world.Minutes().SaveAsync(_world.Staff, _world.MeetingId, draft!.Text with { BodyFr = "Corrigé" }, draft.RowVersion, "Coquille")).Succeeded);

        Assert.Equal([(MeetingPart.Agenda, Reason), (MeetingPart.Minutes, "Coquille")], (await PublicPageAsync()).Corrections.Select(c => (c.Part, c.Reason)));
    }

    [Fact]
    public async Task ARemovedAttachment_OfAPublishedMeeting_NeedsAReason()
    {
        Assert.True((await _world.Attachments().AddAsync(_world.Staff, _world.MeetingId, new MemoryStream([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31]), "ordre.pdf", null)).Succeeded);
        await _world.SummaryAsync(SummaryStatus.Published);
        var id = await _world.WithDbAsync(db => db.MeetingAttachments.Select(a => a.Id).SingleAsync());

        AssertRefused(await _world.Attachments().RemoveAsync(_world.Staff, _world.MeetingId, id));
        Assert.True((await _world.Attachments().RemoveAsync(_world.Staff, _world.MeetingId, id, Reason)).Succeeded);

        Assert.Equal(MeetingPart.Attachments, Assert.Single((await PublicPageAsync()).Corrections).Part);
    }

    private static void AssertRefused(Result result)
    {
        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal((PublishedRecord.ReasonField, Messages.SummaryReasonRequired), (error.Field, error.MessageKey));
    }

    private async Task<MeetingPage> PublicPageAsync()
    {
        var slug = await _world.WithDbAsync(db => db.Meetings.Select(m => m.Slug).SingleAsync());
        return (await _world.Archive().PublishedBySlugAsync(slug))!;
    }
}
