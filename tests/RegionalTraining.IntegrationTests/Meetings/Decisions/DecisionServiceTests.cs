using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Decisions;

namespace RegionalTraining.IntegrationTests.Meetings.Decisions;

public sealed class DecisionServiceTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private Task<Result> AddAsync(string text, DateOnly? dueOn, DecisionOwnerKind owner = DecisionOwnerKind.Directorate, int? establishmentId = null) =>
        _world.Decisions().AddDecisionAsync(_world.Staff, _world.MeetingId, new DecisionInput(text, null, owner, establishmentId, "Commune", dueOn, []));

    [Fact]
    public async Task AddDecision_OwnedByAnotherDirectoratesEstablishment_HasNoOwnerEstablishment()
    {
        Assert.True((await AddAsync("Équiper l'atelier", null, DecisionOwnerKind.Establishment, _world.OtherEstablishmentId)).Succeeded);

        var decision = await _world.WithDbAsync(db => db.Decisions.SingleAsync());
        Assert.Equal((DecisionOwnerKind.Establishment, (int?)null, (string?)null), (decision.OwnerKind, decision.OwnerEstablishmentId, decision.OwnerPartner));
    }

    [Fact]
    public async Task AddDecision_ByAnotherDirectorate_IsNotFound()
    {
        var result = await _world.Decisions().AddDecisionAsync(_world.OtherStaff, _world.MeetingId, new DecisionInput("Intrus", null, DecisionOwnerKind.Directorate, null, null, null, []));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(0, await _world.WithDbAsync(db => db.Decisions.CountAsync()));
    }

    [Fact]
    public async Task AddNote_SetsTheDecisionsStatus_AndANoteOfAnotherMeetingIsNotFound()
    {
        await AddAsync("Former les formateurs", new DateOnly(2026, 6, 30));
        var decisionId = await _world.WithDbAsync(db => db.Decisions.Select(d => d.Id).SingleAsync());

        var noted = await _world.Decisions().AddNoteAsync(_world.Staff, _world.MeetingId, new DecisionNoteInput(decisionId, "Session prévue", DecisionStatus.InProgress));
        var elsewhere = await _world.Decisions().AddNoteAsync(_world.Staff, _world.MeetingId + 1, new DecisionNoteInput(decisionId, "Ailleurs", DecisionStatus.Done));

        Assert.Equal((ResultStatus.Succeeded, ResultStatus.NotFound), (noted.Status, elsewhere.Status));
        var decision = await _world.WithDbAsync(db => db.Decisions.Include(d => d.Notes).SingleAsync());
        Assert.Equal((DecisionStatus.InProgress, "Session prévue"), (decision.Status, decision.Notes.Single().Text));
    }

    [Fact]
    public async Task ActionList_OverdueOnly_ListsOpenDecisionsPastTheirDueDateOnTheClocksDay()
    {
        await AddAsync("En retard", new DateOnly(2026, 3, 24));
        await AddAsync("Dû aujourd'hui", new DateOnly(2026, 3, 25));
        await AddAsync("Sans échéance", null);

        var overdue = await _world.Decisions().ActionListAsync(_world.Staff, overdueOnly: true);
        var all = await _world.Decisions().ActionListAsync(_world.Staff, overdueOnly: false);
        var other = await _world.Decisions().ActionListAsync(_world.OtherStaff, overdueOnly: false);

        Assert.Equal(["En retard"], overdue.Select(a => a.Text.Fr));
        Assert.Equal(["En retard", "Dû aujourd'hui", "Sans échéance"], all.Select(a => a.Text.Fr));
        Assert.Empty(other);
    }
}
