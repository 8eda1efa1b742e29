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
