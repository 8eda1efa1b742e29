using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Minutes;

namespace RegionalTraining.IntegrationTests.Meetings.Minutes;

public sealed class MinutesServiceTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private static SummaryInput Text(string bodyFr) => new(bodyFr, "محضر", null, null);

    [Fact]
    public async Task Draft_BeforeAnything_IsAnEmptyDraftWithoutVersion()
    {
        var draft = await _world.Minutes().DraftAsync(_world.Staff, _world.MeetingId);

        Assert.Equal((SummaryStatus.Draft, string.Empty, (byte[]?)null, 0), (draft!.Status, draft.Text.BodyFr, draft.RowVersion, draft.RevisionCount));
    }

    [Fact]
    public async Task Publish_ThroughTheWorkflow_StampsTheClocksTimeAndMarksAPastMeetingHeld()
    {
        await _world.SummaryAsync(SummaryStatus.Published);

        var meeting = await _world.WithDbAsync(db => db.Meetings.Include(m => m.Summary).SingleAsync(m => m.Id == _world.MeetingId));
        Assert.Equal(SummaryStatus.Published, meeting.Summary!.Status);
        Assert.Equal(_world.Clock.GetUtcNow().UtcDateTime, meeting.Summary.PublishedAtUtc);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }

    [Fact]
    public async Task Approve_ByStaff_IsRefusedWithTheMessage_AndLeavesTheStatus()
    {
        await _world.SummaryAsync(SummaryStatus.InReview);

        var result = await _world.Minutes().TransitionAsync(_world.Staff, _world.MeetingId, SummaryAction.Approve);

        Assert.Equal((ResultStatus.Invalid, Messages.SummaryNotEditable), (result.Status, result.Errors.Single().MessageKey));
        Assert.Equal(SummaryStatus.InReview, (await _world.Minutes().DraftAsync(_world.Staff, _world.MeetingId))!.Status);
    }

    [Fact]
    public async Task Save_ByAnAdministrator_IsRefused_AndByAnotherDirectorate_IsNotFound()
    {
        var administrator = await _world.Minutes().SaveAsync(MeetingsDatabase.Administrator, _world.MeetingId, Text("Texte"), null, null);
        var other = await _world.Minutes().SaveAsync(_world.OtherStaff, _world.MeetingId, Text("Texte"), null, null);

        Assert.Equal((ResultStatus.Invalid, ResultStatus.NotFound), (administrator.Status, other.Status));
        Assert.Equal(0, await _world.WithDbAsync(db => db.MeetingSummaries.CountAsync()));
    }

    [Fact]
    public async Task Save_WithAnOldVersion_IsAConflictWithTheSummarysMessage()
    {
        await _world.Minutes().SaveAsync(_world.Staff, _world.MeetingId, Text("Première"), null, null);
        var opened = (await _world.Minutes().DraftAsync(_world.Staff, _world.MeetingId))!.RowVersion;
        await _world.Minutes().SaveAsync(_world.Regional, _world.MeetingId, Text("Du directeur"), opened, null);

        var late = await _world.Minutes().SaveAsync(_world.Staff, _world.MeetingId, Text("Du cadre"), opened, null);

        Assert.Equal((ResultStatus.Conflict, Messages.SummaryConflict), (late.Status, late.Errors.Single().MessageKey));
        Assert.Equal("Du directeur", (await _world.Minutes().DraftAsync(_world.Staff, _world.MeetingId))!.Text.BodyFr);
    }

    [Fact]
    public async Task Correction_OfPublishedMinutes_NeedsAReason_AndIsKeptAsARevision()
    {
        await _world.SummaryAsync(SummaryStatus.Published);
        var version = (await _world.Minutes().DraftAsync(_world.Staff, _world.MeetingId))!.RowVersion;

        var withoutReason = await _world.Minutes().SaveAsync(_world.Staff, _world.MeetingId, Text("Corrigé"), version, " ");
        var corrected = await _world.Minutes().SaveAsync(_world.Staff, _world.MeetingId, Text("Corrigé"), version, "Coquille");
        var history = await _world.Minutes().RevisionsAsync(_world.Staff, _world.MeetingId, null);

        Assert.Equal(("CorrectionReason", Messages.SummaryReasonRequired), (withoutReason.Errors.Single().Field, withoutReason.Errors.Single().MessageKey));
        Assert.True(corrected.Succeeded);
        Assert.Equal(("Coquille", "Corrigé"), (history!.Shown!.Reason, history.Shown.BodyFr));
        Assert.Equal(history.Shown.Number - 1, history.Previous!.Number);
        Assert.Equal(5, history.Revisions.Count);
    }

    [Fact]
    public async Task Revisions_AskedByNumber_ShowThatOneAndTheOneBefore()
    {
        await _world.SummaryAsync(SummaryStatus.Approved);

        var history = await _world.Minutes().RevisionsAsync(_world.Staff, _world.MeetingId, 2);

        Assert.Equal((2, 1), (history!.Shown!.Number, history.Previous!.Number));
        Assert.Null(await _world.Minutes().RevisionsAsync(_world.OtherStaff, _world.MeetingId, 2));
    }
}
