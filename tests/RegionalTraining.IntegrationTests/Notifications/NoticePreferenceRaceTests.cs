using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Notifications;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Notifications;

/// <summary>
/// A person's first choice for a kind of notice saved twice at once (two tabs): the key (person, kind) lets one row
/// in, and the other save changes that row, as it would have by coming second: both succeed, the last write is kept.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class NoticePreferenceRaceTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task Save_FirstChoiceOfAKindTwiceRacing_BothSucceed_AndTheLastToWriteIsKept()
    {
        var userId = await factory.CreateMemberAsync($"staff.notices.{Guid.NewGuid():N}@test.local", Roles.DirectorateStaff);
        var staff = new AccessScope(userId, new HashSet<string> { Roles.DirectorateStaff }, null, new HashSet<int>());

        var (outer, inner) = await factory.RaceAsync<NoticePreferenceService, Result, Result>(
            service => service.SaveAsync(staff, [new NoticeChoice(NoticeKind.MinutesApproved, NoticeDelivery.DailyDigest)]),
            service => service.SaveAsync(staff, [new NoticeChoice(NoticeKind.MinutesApproved, NoticeDelivery.Immediately)]));

        Assert.Equal((ResultStatus.Succeeded, ResultStatus.Succeeded), (outer.Status, inner.Status));
        Assert.Equal([NoticeDelivery.DailyDigest], await factory.WithDbAsync(db => db.NoticePreferences
            .Where(p => p.UserId == userId && p.Kind == NoticeKind.MinutesApproved).Select(p => p.Delivery).ToListAsync()));
    }
}
