using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data.Versions;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Dashboards;

/// <summary>
/// Dashboards are served from a cache (docs/decisions/0012-dashboard-figures.md): approving or reopening a sheet
/// must change the figures on the very next request, on the node that approved and on any other one.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class DashboardFreshnessTests(RegionalTrainingFactory factory)
{
    private const int Year = 2019;
    private const int SheetTrainees = 77;

    [Fact]
    public async Task ApproveThenReopen_ChangesTheFiguresOnTheVeryNextRequest()
    {
        var id = await SubmittedSheetAsync(factory, "ITA-TAN-TAN");
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        var before = await TraineesAsync(regional);
        Assert.Equal(before, await TraineesAsync(regional)); // served from the cache now

        await ApproveAsync(regional, id);
        var approved = await TraineesAsync(regional);
        await ReopenAsync(regional, id);
        var reopened = await TraineesAsync(regional);

        Assert.Equal(before + SheetTrainees, approved);
        Assert.Equal(before, reopened);
    }

    [Fact]
    public async Task ApproveThenReopenOnOneNode_ChangesTheFiguresReadOnTheOther()
    {
        var folder = Directory.CreateTempSubdirectory("rt-two-nodes-").FullName;
        var database = Path.Combine(folder, "shared.db");
        try
        {
            await using var approving = new SharedDatabasePortal(database);
            var id = await SubmittedSheetAsync(approving, "ITA-TAN-TAN");
            await using var reading = new SharedDatabasePortal(database);
            var onApproving = await approving.SignedInClientAsync("regional.director@demo.local");
            var onReading = await reading.SignedInClientAsync("regional.director@demo.local");
            var before = await TraineesAsync(onReading);
            Assert.Equal(before, await TraineesAsync(onReading));

            await ApproveAsync(onApproving, id);
            var approved = await TraineesAsync(onReading);
            await ReopenAsync(onApproving, id);
            var reopened = await TraineesAsync(onReading);

            Assert.Equal(before + SheetTrainees, approved);
            Assert.Equal(before, reopened);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DraftSectionSave_LeavesTheFiguresStamp_SubmittingAndApprovingRenewIt()
    {
        const int draftYear = 2022;
        var id = await SubmittedSheetAsync(factory, "ITA-TAN-TAN", draftYear, ProfileStatus.Draft);
        var establishment = await factory.EstablishmentIdAsync("ITA-TAN-TAN");
        var director = new AccessScope("draft-director", new HashSet<string> { Roles.EstablishmentDirector }, null, new HashSet<int> { establishment });
        var created = await FiguresStampAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var token = await factory.WithDbAsync(db => db.ProfileSections.Where(s => s.ProfileId == id && s.Section == ProfileSection.HumanResources).Select(s => s.Version).SingleAsync());
            var saved = await scope.ServiceProvider.GetRequiredService<IProfileService>()
                .SaveAsync(director, id, new SectionEdit<HumanResourcesInput>(new() { PermanentTrainers = 17 }, token, null));
            Assert.Equal(ResultStatus.Succeeded, saved.Status);
        }

        var afterDraftSave = await FiguresStampAsync();
        await factory.WithDbAsync(async db =>
        {
            var profile = await db.Profiles.SingleAsync(p => p.Id == id);
            profile.Status = ProfileStatus.Submitted;
            return await db.SaveChangesAsync();
        });
        var afterSubmission = await FiguresStampAsync();
        await ApproveAsync(await factory.SignedInClientAsync("regional.director@demo.local"), id);
        var afterApproval = await FiguresStampAsync();

        Assert.Equal(17, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.PermanentTrainers).SingleAsync()));
        Assert.Equal(created, afterDraftSave);
        Assert.NotEqual(afterDraftSave, afterSubmission);
        Assert.NotEqual(afterSubmission, afterApproval);
    }

    private Task<string> FiguresStampAsync() =>
        factory.WithDbAsync(async db => (await DataVersions.CurrentAsync(db, DataArea.Figures, CancellationToken.None)).Stamp);

    /// <summary>A sheet of <paramref name="establishmentCode"/> for <paramref name="year"/> (submitted unless told), stored directly.</summary>
    private static Task<int> SubmittedSheetAsync(RegionalTrainingFactory portal, string establishmentCode, int year = Year, ProfileStatus status = ProfileStatus.Submitted) =>
        portal.WithDbAsync(async db =>
        {
            var yearId = await db.TrainingYears.Where(y => y.StartYear == year).Select(y => y.Id).SingleAsync();
            var establishment = await db.Establishments.Where(e => e.Code == establishmentCode).Select(e => e.Id).SingleAsync();
            var programme = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var profile = new EstablishmentProfile
            {
                EstablishmentId = establishment, TrainingYearId = yearId, Status = status, PermanentTrainers = 3,
                Programmes = [new ProfileProgramme { ProgrammeId = programme, Capacity = 100, FirstYearTrainees = SheetTrainees, FirstYearWomen = 30 }],
                Sections = Enum.GetValues<ProfileSection>().Select(s => new ProfileSectionState { Section = s }).ToList(),
            };
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });

    private static async Task<int> TraineesAsync(HttpClient client)
    {
        var html = await client.GetStringAsync($"/Dashboards?year={Year}");
        return int.Parse(TraineesFigure().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ApproveAsync(HttpClient client, int id) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Approve", new Dictionary<string, string>())).StatusCode);

    private static async Task ReopenAsync(HttpClient client, int id) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Reopen", new Dictionary<string, string> { ["reason"] = "Chiffres à revoir" })).StatusCode);

    [GeneratedRegex("data-figure=\"Trainees\" data-value=\"(\\d+)\"")]
    private static partial Regex TraineesFigure();

    /// <summary>A second web node: the same portal on a database file another instance also uses.</summary>
    private sealed class SharedDatabasePortal(string databasePath) : RegionalTrainingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
        }
    }
}
