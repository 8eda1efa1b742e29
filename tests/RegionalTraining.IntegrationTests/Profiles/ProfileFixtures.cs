using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

internal static class ProfileFixtures
{
    /// <summary>Ensures a campaign open today for the directorate of <paramref name="directorateCode"/> and the year.</summary>
    public static async Task<int> EnsureCampaignAsync(RegionalTrainingFactory factory, string directorateCode, int startYear, int deadlineInDays = 30)
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegionalTraining.Core.Data.AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today;
        var directorateId = await db.Directorates.Where(d => d.Code == directorateCode).Select(d => d.Id).SingleAsync();
        var yearId = await db.TrainingYears.Where(y => y.StartYear == startYear).Select(y => y.Id).SingleAsync();
        var existing = await db.Campaigns.SingleOrDefaultAsync(c => c.DirectorateId == directorateId && c.TrainingYearId == yearId);
        if (existing is not null)
        {
            return existing.Id;
        }

        var campaign = new CollectionCampaign { DirectorateId = directorateId, TrainingYearId = yearId, OpensOn = today.AddDays(-10), Deadline = today.AddDays(deadlineInDays) };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>
    /// A new sheet of the establishment for the earliest year it has none, written to the database directly, then
    /// <paramref name="fill"/> (lines of its history, equipment, needs), saved: for tests of what a page shows of a
    /// sheet, not of starting one. Disposing it deletes the sheet and its needs and constraints, so that no other test
    /// (they run one at a time on the shared portal) finds it among the establishment's sheets or the campaign's counts.
    /// </summary>
    public static async Task<FreshProfile> FreshProfileAsync(RegionalTrainingFactory factory, string establishmentCode, Func<RegionalTraining.Core.Data.AppDbContext, EstablishmentProfile, Task>? fill = null) =>
        new(factory, await factory.WithDbAsync(async db =>
        {
            var establishmentId = await db.Establishments.Where(e => e.Code == establishmentCode).Select(e => e.Id).SingleAsync();
            var yearId = await db.TrainingYears
                .Where(y => !db.Profiles.Any(p => p.EstablishmentId == establishmentId && p.TrainingYearId == y.Id))
                .OrderBy(y => y.StartYear).Select(y => y.Id).FirstAsync();
            var profile = new EstablishmentProfile { EstablishmentId = establishmentId, TrainingYearId = yearId };
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            if (fill is not null)
            {
                await fill(db, profile);
                await db.SaveChangesAsync();
            }

            return profile.Id;
        }));

    /// <summary>A sheet made by <see cref="FreshProfileAsync"/>; deleted, through the change tracker so the search index follows, when disposed.</summary>
    public sealed class FreshProfile(RegionalTrainingFactory factory, int id) : IAsyncDisposable
    {
        public int Id => id;

        public async ValueTask DisposeAsync() => await factory.WithDbAsync(async db =>
        {
            db.Needs.RemoveRange(await db.Needs.Where(n => n.ProfileId == id).ToListAsync());
            db.Constraints.RemoveRange(await db.Constraints.Where(c => c.ProfileId == id).ToListAsync());
            await db.SaveChangesAsync();
            db.Profiles.Remove(await db.Profiles.SingleAsync(p => p.Id == id));
            return await db.SaveChangesAsync();
        });
    }

    public static Task<int> YearIdAsync(RegionalTrainingFactory factory, int startYear) =>
        factory.WithDbAsync(db => db.TrainingYears.Where(y => y.StartYear == startYear).Select(y => y.Id).SingleAsync());

    /// <summary>Starts (or opens) the establishment's profile through the director's own page, as he would.</summary>
    public static async Task<int> StartAsync(RegionalTrainingFactory factory, HttpClient director, string establishmentCode, int startYear)
    {
        var establishmentId = await factory.EstablishmentIdAsync(establishmentCode);
        var yearId = await YearIdAsync(factory, startYear);
        var response = await director.PostFormAsync("/Profiles", "/Profiles/Start", new Dictionary<string, string>
        {
            ["establishmentId"] = establishmentId.ToString(),
            ["trainingYearId"] = yearId.ToString(),
        });
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Start failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return int.Parse(location.Split('/')[2]);
    }
}
