using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.IntegrationTests.Meetings;

/// <summary>The one rule every meeting service asks: who may manage a meeting.</summary>
public sealed class MeetingAccessTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Find_ForTheDirectoratesStaffRegionalDirectorAndAdministrators_ReturnsTheMeeting()
    {
        foreach (var scope in new[] { _world.Staff, _world.Regional, MeetingsDatabase.Administrator })
        {
            var meeting = await _world.WithDbAsync(db => _world.Access(db).FindAsync(scope, _world.MeetingId, default));

            Assert.Equal((_world.MeetingId, _world.DirectorateId), (meeting!.Id, meeting.DirectorateId));
        }
    }

    [Fact]
    public async Task Find_ForAnotherDirectorateAnEstablishmentDirectorOrTheAnonymous_IsNull()
    {
        foreach (var scope in new[] { _world.OtherStaff, _world.Director, AccessScope.Anonymous })
        {
            Assert.Null(await _world.WithDbAsync(db => _world.Access(db).FindAsync(scope, _world.MeetingId, default)));
        }
    }

    [Fact]
    public async Task EstablishmentsOf_KeepsOnlyTheDirectoratesEstablishments()
    {
        var kept = await _world.WithDbAsync(db => _world.Access(db).EstablishmentsOfAsync(_world.DirectorateId, [_world.EstablishmentId, _world.OtherEstablishmentId, 0], default));

        Assert.Equal([_world.EstablishmentId], kept.ToArray());
    }
}
