using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>
/// The same campaign opened twice at once (two staff of the directorate, or a double click): the unique key
/// (directorate, year) lets one in, and the other is told the campaign exists, as it would have been by coming second.
/// The test directorate's 2024 campaign, opened by no other test, is removed afterwards.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CampaignOpenRaceTests(RegionalTrainingFactory factory)
{
    private const int Year = 2024;

    [Fact]
    public async Task Open_TwiceRacingForTheSameDirectorateAndYear_TheLoserIsToldItExists_AndTheWinnersDatesAreKept()
    {
        await factory.EnsureOtherDirectorateAsync();
        var directorate = await factory.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-OTHER").Select(d => d.Id).SingleAsync());
        var year = await ProfileFixtures.YearIdAsync(factory, Year);
        var admin = new AccessScope("race", new HashSet<string> { Roles.Administrator }, null, new HashSet<int>());
        var opens = new DateOnly(2024, 9, 1);

        try
        {
            var (outer, inner) = await factory.RaceAsync<CampaignService, Result<int>, Result<int>>(
                service => service.CreateAsync(admin, directorate, year, opens, new DateOnly(2024, 11, 30)),
                service => service.CreateAsync(admin, directorate, year, opens, new DateOnly(2024, 10, 31)));

            Assert.Equal((ResultStatus.Invalid, ResultStatus.Succeeded), (outer.Status, inner.Status));
            var error = Assert.Single(outer.Errors);
            Assert.Equal(("TrainingYearId", Messages.CampaignAlreadyExists), (error.Field, error.MessageKey));
            var stored = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.DirectorateId == directorate && c.TrainingYearId == year).ToListAsync());
            Assert.Equal((inner.Value, new DateOnly(2024, 10, 31)), (Assert.Single(stored).Id, stored[0].Deadline));
        }
        finally
        {
            await factory.WithDbAsync(db => db.Campaigns.Where(c => c.DirectorateId == directorate && c.TrainingYearId == year).ExecuteDeleteAsync());
        }
    }
}
