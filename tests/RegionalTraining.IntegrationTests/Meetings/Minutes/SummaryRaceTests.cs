using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Meetings.Minutes;

/// <summary>
/// Two saves of the same minutes from the same version at once (two staff, or a double click): each adds the next
/// revision number, unique per summary. The first wins; the other is the minutes' conflict, as it would be by coming
/// second with an old version, never a server error.
/// </summary>
public sealed class SummaryRaceTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private static SummaryInput Text(string bodyFr) => new(bodyFr, "محضر", null, null);

    [Theory]
    [InlineData("Texte du second", "Texte du premier")]
    [InlineData("Le même texte", "Le même texte")]
    public async Task Save_TwiceRacingFromTheSameVersion_TheLoserIsTheMinutesConflict_AndOneRevisionIsAdded(string outerText, string innerText)
    {
        await _world.Minutes().SaveAsync(_world.Staff, _world.MeetingId, Text("Première"), null, null);
        var opened = (await _world.Minutes().DraftAsync(_world.Staff, _world.MeetingId))!.RowVersion;
        Result inner = Result.NotFound();
        var racer = new Interleaving.BeforeFirstWrite(async () => inner = await _world.Minutes().SaveAsync(_world.Staff, _world.MeetingId, Text(innerText), opened, null));

        var outer = await _world.Minutes(_world.NewContext(racer)).SaveAsync(_world.Staff, _world.MeetingId, Text(outerText), opened, null);

        Assert.True(racer.Fired);
        Assert.Equal((ResultStatus.Conflict, ResultStatus.Succeeded), (outer.Status, inner.Status));
        Assert.Equal(Messages.SummaryConflict, Assert.Single(outer.Errors).MessageKey);
        Assert.Equal(innerText, await _world.WithDbAsync(db => db.MeetingSummaries.Select(s => s.BodyFr).SingleAsync()));
        Assert.Equal([1, 2], await _world.WithDbAsync(db => db.SummaryRevisions.OrderBy(r => r.Number).Select(r => r.Number).ToListAsync()));
    }
}
