using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>
/// "Start the sheet" sent twice at once for the same establishment and year (a double click, or two directors of
/// Bouizakarne's centre, used by no other test): the unique key (establishment, year) lets one sheet in, and the
/// other request opens that one, as it would have by coming second.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProfileStartRaceTests(RegionalTrainingFactory factory)
{
    private const string Establishment = "CQP-BOUIZAKARNE";
    private const int Year = 2026;

    [Fact]
    public async Task Start_TwiceRacingForTheSameYear_BothLandOnOneSheet()
    {
        var establishment = await factory.EstablishmentIdAsync(Establishment);
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var year = await ProfileFixtures.YearIdAsync(factory, Year);
        var need = await factory.WithDbAsync(async db =>
        {
            var open = new Need { EstablishmentId = establishment, Category = NeedCategory.Infrastructure, Description = "Toiture de l'atelier", Status = FollowUpStatus.Raised, Priority = Priority.High };
            db.Needs.Add(open);
            await db.SaveChangesAsync();
            return open.Id;
        });
        var director = new AccessScope("race", new HashSet<string> { Roles.EstablishmentDirector }, null, new HashSet<int> { establishment });

        try
        {
            var (outer, inner) = await factory.RaceAsync<ProfileService, Result<int>, Result<int>>(
                service => service.StartAsync(director, establishment, year),
                service => service.StartAsync(director, establishment, year));

            Assert.Equal((ResultStatus.Succeeded, ResultStatus.Succeeded), (outer.Status, inner.Status));
            Assert.Equal(inner.Value, outer.Value);
            var sheets = await factory.WithDbAsync(db => db.Profiles.Where(p => p.EstablishmentId == establishment && p.TrainingYearId == year).Select(p => p.Id).ToListAsync());
            Assert.Equal([inner.Value], sheets);
            // The winner's sheet only, made whole: one creation event, the open need linked once.
            Assert.Equal(1, await factory.WithDbAsync(db => db.ProfileEvents.CountAsync(e => e.ProfileId == inner.Value && e.Kind == ProfileEventKind.Created)));
            Assert.Equal(1, await factory.WithDbAsync(db => db.Needs.Where(n => n.Id == need).SelectMany(n => n.Sheets).CountAsync()));
        }
        finally
        {
            // Other tests count the sheets of the directorate's campaigns and the establishments' needs.
            await factory.WithDbAsync(async db =>
            {
                db.Needs.Remove(await db.Needs.SingleAsync(n => n.Id == need));
                await db.SaveChangesAsync();
                db.Profiles.RemoveRange(await db.Profiles.Where(p => p.EstablishmentId == establishment && p.TrainingYearId == year).ToListAsync());
                return await db.SaveChangesAsync();
            });
        }
    }
}
