using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Planning;

namespace RegionalTraining.IntegrationTests.Meetings.Planning;

public sealed class MeetingPlanningServiceTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private MeetingInput Input(string titleFr = "Comité de suivi", DateOnly? endsOn = null, params int[] invited) => new(
        titleFr, "لجنة التتبع", MeetingKind.DirectorsMeeting, new DateOnly(2026, 5, 4), endsOn ?? new DateOnly(2026, 5, 5), null, "Salle B", null, "M. Alami", null,
        MeetingStatus.Planned, false, invited);

    [Fact]
    public async Task Save_NewMeetingByStaff_IsCreatedInTheirDirectorateWithASlug()
    {
        var result = await _world.Planning().SaveAsync(_world.Staff, null, _world.OtherDirectorateId, Input());

        Assert.True(result.Succeeded);
        var stored = await _world.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == result.Value));
        Assert.Equal((_world.DirectorateId, "2026-05-04-comite-de-suivi"), (stored.DirectorateId, stored.Slug));
    }

    [Fact]
    public async Task Save_NewMeetingByAnAdministratorWithoutADirectorate_AsksToChooseOne()
    {
        var result = await _world.Planning().SaveAsync(MeetingsDatabase.Administrator, null, null, Input());

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(("DirectorateId", Messages.MeetingChooseDirectorate), (result.Errors.Single().Field, result.Errors.Single().MessageKey));
    }

    [Fact]
    public async Task Save_LastDayBeforeTheFirst_IsInvalidOnTheLastDayAndStoresNothing()
    {
        var result = await _world.Planning().SaveAsync(_world.Staff, null, null, Input(endsOn: new DateOnly(2026, 5, 1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal((nameof(MeetingInput.EndsOn), Messages.MeetingEndsBeforeStart), (result.Errors[0].Field, result.Errors[0].MessageKey));
        Assert.Equal(1, await _world.WithDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Save_WithAnOldVersion_IsAConflictAndKeepsTheStoredTitle()
    {
        var opened = await _world.Planning().EditAsync(_world.Staff, _world.MeetingId);
        Assert.True((await _world.Planning().SaveAsync(_world.Staff, _world.MeetingId, null, Input("Première version"), opened!.RowVersion)).Succeeded);

        var second = await _world.Planning().SaveAsync(_world.Regional, _world.MeetingId, null, Input("Seconde version"), opened.RowVersion);

        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal("Première version", await _world.WithDbAsync(db => db.Meetings.Where(m => m.Id == _world.MeetingId).Select(m => m.TitleFr).SingleAsync()));
    }

    [Fact]
    public async Task Save_OfAStaleFormChangingOnlyTheInvitations_IsAConflict_AndKeepsTheInvitationsSavedMeanwhile()
    {
        var before = (await _world.Planning().EditAsync(_world.Staff, _world.MeetingId))!;
        Assert.True((await _world.Planning().SaveAsync(_world.Staff, _world.MeetingId, null, before.Input with { InvitedEstablishmentIds = [] }, before.RowVersion)).Succeeded);
        var opened = (await _world.Planning().EditAsync(_world.Staff, _world.MeetingId))!;
        Assert.True((await _world.Planning().SaveAsync(_world.Staff, _world.MeetingId, null, opened.Input with { InvitedEstablishmentIds = [_world.EstablishmentId] }, opened.RowVersion)).Succeeded);

        var stale = await _world.Planning().SaveAsync(_world.Regional, _world.MeetingId, null, opened.Input with { InvitedEstablishmentIds = [] }, opened.RowVersion);

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Equal([_world.EstablishmentId], (await _world.Planning().EditAsync(_world.Staff, _world.MeetingId))!.Input.InvitedEstablishmentIds);
    }

    [Fact]
    public async Task Save_InvitingAnotherDirectoratesEstablishment_InvitesOnlyItsOwn()
    {
        var opened = await _world.Planning().EditAsync(_world.Staff, _world.MeetingId);

        await _world.Planning().SaveAsync(_world.Staff, _world.MeetingId, null, Input(invited: [_world.EstablishmentId, _world.OtherEstablishmentId]), opened!.RowVersion);

        Assert.Equal([_world.EstablishmentId], (await _world.Planning().EditAsync(_world.Staff, _world.MeetingId))!.Input.InvitedEstablishmentIds);
    }

    [Fact]
    public async Task Save_AnotherDirectoratesMeeting_IsNotFound()
    {
        var opened = await _world.Planning().EditAsync(_world.Staff, _world.MeetingId);

        var result = await _world.Planning().SaveAsync(_world.OtherStaff, _world.MeetingId, null, Input(), opened!.RowVersion);

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Agenda_AddedItemsMoveAndAreRemoved()
    {
        var planning = _world.Planning();
        foreach (var title in new[] { "Accueil", "Bilan", "Clôture" })
        {
            Assert.True((await planning.AddAgendaItemAsync(_world.Staff, _world.MeetingId, new AgendaInput(AgendaItemType.Other, title, null, null, null, 15, 1))).Succeeded);
        }

        var items = (await planning.PageAsync(_world.Staff, _world.MeetingId))!.Agenda;
        Assert.True((await planning.MoveAgendaItemAsync(_world.Staff, _world.MeetingId, items[2].Id, -1)).Succeeded);
        Assert.True((await planning.RemoveAgendaItemAsync(_world.Staff, _world.MeetingId, items[0].Id)).Succeeded);

        Assert.Equal(["Clôture", "Bilan"], (await _world.Planning().PageAsync(_world.Staff, _world.MeetingId))!.Agenda.Select(a => a.TitleFr));
    }

    [Fact]
    public async Task Agenda_ChangesByAnotherDirectorate_AreNotFoundAndChangeNothing()
    {
        var added = await _world.Planning().AddAgendaItemAsync(_world.OtherStaff, _world.MeetingId, new AgendaInput(AgendaItemType.Other, "Intrus", null, null, null, null, 1));
        var moved = await _world.Planning().MoveAgendaItemAsync(_world.OtherStaff, _world.MeetingId, 1, 1);

        Assert.Equal((ResultStatus.NotFound, ResultStatus.NotFound), (added.Status, moved.Status));
        Assert.Equal(0, await _world.WithDbAsync(db => db.AgendaItems.CountAsync()));
    }

    [Fact]
    public async Task Page_OfAnotherDirectoratesMeeting_IsNull() =>
        Assert.Null(await _world.Planning().PageAsync(_world.OtherStaff, _world.MeetingId));

}
