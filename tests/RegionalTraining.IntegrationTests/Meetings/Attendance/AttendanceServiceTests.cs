using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attendance;

namespace RegionalTraining.IntegrationTests.Meetings.Attendance;

public sealed class AttendanceServiceTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task SaveAttendance_RecordsTheInvitedAndIgnoresOthers()
    {
        var result = await _world.Attendance().SaveAttendanceAsync(_world.Staff, _world.MeetingId,
            [new AttendanceInput(_world.EstablishmentId, AttendanceStatus.Present, " Mme Idrissi "), new AttendanceInput(_world.OtherEstablishmentId, AttendanceStatus.Present, null)]);

        Assert.True(result.Succeeded);
        var invitations = await _world.WithDbAsync(db => db.MeetingInvitations.Where(i => i.MeetingId == _world.MeetingId).ToListAsync());
        var invitation = Assert.Single(invitations);
        Assert.Equal((AttendanceStatus.Present, "Mme Idrissi"), (invitation.Attendance, invitation.RepresentedByFr));
    }

    [Fact]
    public async Task SaveAttendance_ByAnotherDirectorate_IsNotFound() =>
        Assert.Equal(ResultStatus.NotFound, (await _world.Attendance().SaveAttendanceAsync(_world.OtherStaff, _world.MeetingId, [])).Status);

    [Fact]
    public async Task AddIntervention_IsAddedInOrderAndRemoved()
    {
        await _world.Attendance().AddInterventionAsync(_world.Staff, _world.MeetingId, new InterventionInput(" M. Alami ", null, "Directeur", null, null, "Résumé", null));
        await _world.Attendance().AddInterventionAsync(_world.Staff, _world.MeetingId, new InterventionInput("Mme Bennani", null, null, null, _world.EstablishmentId, null, "ملخص"));
        var page = await _world.Planning().PageAsync(_world.Staff, _world.MeetingId);

        Assert.Equal(["M. Alami", "Mme Bennani"], page!.Interventions.Select(i => i.Speaker.Fr));
        Assert.True((await _world.Attendance().RemoveInterventionAsync(_world.Staff, _world.MeetingId, page.Interventions[0].Id)).Succeeded);
        Assert.True((await _world.Attendance().RemoveInterventionAsync(_world.Staff, _world.MeetingId, page.Interventions[0].Id)).Succeeded);
        Assert.Equal(["Mme Bennani"], (await _world.Planning().PageAsync(_world.Staff, _world.MeetingId))!.Interventions.Select(i => i.Speaker.Fr));
    }

    [Fact]
    public async Task AddIntervention_NamingAnotherDirectoratesEstablishment_IsNotFoundAndAddsNothing()
    {
        var result = await _world.Attendance().AddInterventionAsync(_world.Staff, _world.MeetingId, new InterventionInput("Intrus", null, null, null, _world.OtherEstablishmentId, null, null));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(0, await _world.WithDbAsync(db => db.Interventions.CountAsync()));
    }
}
