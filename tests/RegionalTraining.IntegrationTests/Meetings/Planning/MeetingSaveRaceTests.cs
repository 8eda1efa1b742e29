using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Meetings.Planning;

/// <summary>
/// Two saves of meetings at once, each ending as it would have by coming second: given the same public address (same
/// day, same title), the unique index on the slug lets the first in and the other takes the next free one ("-2");
/// inviting the same establishment, the second finds it invited.
/// </summary>
public sealed class MeetingSaveRaceTests : IDisposable
{
    private const string Slug = "2026-05-04-comite-de-suivi";
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private static MeetingInput Input(string chair) => new(
        "Comité de suivi", "لجنة التتبع", MeetingKind.DirectorsMeeting, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 4), null, "Salle B", null, chair, null,
        MeetingStatus.Planned, false, []);

    [Fact]
    public async Task Create_TwoMeetingsRacingForTheSameSlug_BothAreSaved_AndTheLoserTakesTheNextSlug()
    {
        Result<int> inner = Result.NotFound().With<int>();
        var racer = new Interleaving.BeforeFirstWrite(async () => inner = await _world.Planning().SaveAsync(_world.Staff, null, null, Input("M. Premier")));

        var outer = await _world.Planning(_world.NewContext(racer)).SaveAsync(_world.Staff, null, null, Input("M. Second"));

        Assert.True(racer.Fired);
        Assert.Equal((ResultStatus.Succeeded, ResultStatus.Succeeded), (outer.Status, inner.Status));
        Assert.Equal((Slug, "M. Premier"), await SlugAndChairAsync(inner.Value));
        Assert.Equal((Slug + "-2", "M. Second"), await SlugAndChairAsync(outer.Value));
    }

    [Fact]
    public async Task Edit_RetitlingToASlugCreatedMeanwhile_IsSaved_WithTheNextSlug()
    {
        var opened = await _world.Planning().EditAsync(_world.Staff, _world.MeetingId);
        Result<int> inner = Result.NotFound().With<int>();
        var racer = new Interleaving.BeforeFirstWrite(async () => inner = await _world.Planning().SaveAsync(_world.Staff, null, null, Input("M. Premier")));

        var outer = await _world.Planning(_world.NewContext(racer)).SaveAsync(_world.Staff, _world.MeetingId, null, Input("M. Second"), opened!.RowVersion);

        Assert.True(racer.Fired);
        Assert.Equal((ResultStatus.Succeeded, ResultStatus.Succeeded), (outer.Status, inner.Status));
        Assert.Equal((Slug, "M. Premier"), await SlugAndChairAsync(inner.Value));
        Assert.Equal((Slug + "-2", "M. Second"), await SlugAndChairAsync(_world.MeetingId));
    }

    [Fact]
    public async Task Edit_TwiceRacingToInviteTheSameEstablishment_TheSecondIsAConflict_WithOneInvitation()
    {
        // Both saves add the same invitation, whose key is the meeting and the establishment, from the same version of
        // the form. Coming second, the other save would have met the version the first wrote (every save of the form
        // writes the meeting's row) and been refused as a conflict; racing, it must be too, never a 500.
        var second = await _world.WithDbAsync(async db =>
        {
            var province = await db.Establishments.Where(e => e.Id == _world.EstablishmentId).Select(e => e.ProvinceId).SingleAsync();
            var added = new RegionalTraining.Core.Organisation.Establishment { Code = "E-RACE", NameFr = "CFP Course", NameAr = "مركز", Type = RegionalTraining.Core.Organisation.EstablishmentType.CFP, ProvinceId = province };
            db.Establishments.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var opened = (await _world.Planning().EditAsync(_world.Staff, _world.MeetingId))!;
        var input = opened.Input with { InvitedEstablishmentIds = [_world.EstablishmentId, second] };
        Result<int> inner = Result.NotFound().With<int>();
        var racer = new Interleaving.BeforeFirstWrite(async () => inner = await _world.Planning().SaveAsync(_world.Staff, _world.MeetingId, null, input, opened.RowVersion));

        var outer = await _world.Planning(_world.NewContext(racer)).SaveAsync(_world.Staff, _world.MeetingId, null, input, opened.RowVersion);

        Assert.True(racer.Fired);
        Assert.Equal((ResultStatus.Conflict, ResultStatus.Succeeded), (outer.Status, inner.Status));
        Assert.Equal([_world.EstablishmentId, second], (await _world.Planning().EditAsync(_world.Staff, _world.MeetingId))!.Input.InvitedEstablishmentIds.Order());
    }

    private Task<(string, string?)> SlugAndChairAsync(int id) =>
        _world.WithDbAsync(async db => await db.Meetings.Where(m => m.Id == id).Select(m => new Tuple<string, string?>(m.Slug, m.ChairNameFr).ToValueTuple()).SingleAsync());
}
