using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.BrowserTests.Infrastructure;

public static class Campaigns
{
    /// <summary>A campaign of the southern directorate open today for <paramref name="startYear"/>, so a journey can start its own sheet.</summary>
    public static async Task EnsureOpenAsync(BrowserPortal portal, int startYear)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today;
        var directorate = await db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync();
        var year = await db.TrainingYears.Where(y => y.StartYear == startYear).Select(y => y.Id).SingleAsync();
        if (!await db.Campaigns.AnyAsync(c => c.DirectorateId == directorate && c.TrainingYearId == year))
        {
            db.Campaigns.Add(new CollectionCampaign { DirectorateId = directorate, TrainingYearId = year, OpensOn = today.AddDays(-30), Deadline = today.AddDays(30) });
            await db.SaveChangesAsync();
        }
    }
}
