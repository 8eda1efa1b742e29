using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>A directorate with one establishment in every state of a campaign whose deadline has passed.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class CampaignCompletenessTests(RegionalTrainingFactory factory)
{
    private const int Year = 2024;

    private async Task<(int CampaignId, int Province1, int Province2)> SeedAsync()
    {
        await factory.EnsureOtherDirectorateAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today;
        var directorate = await db.Directorates.SingleAsync(d => d.Code == "DR-OTHER");
        var province1 = await db.Provinces.SingleAsync(p => p.Code == "PR-OTHER");
        var yearId = await db.TrainingYears.Where(y => y.StartYear == Year).Select(y => y.Id).SingleAsync();
        var existing = await db.Campaigns.SingleOrDefaultAsync(c => c.DirectorateId == directorate.Id && c.TrainingYearId == yearId);
        if (existing is not null)
        {
            return (existing.Id, province1.Id, await db.Provinces.Where(p => p.Code == "PR-OTHER2").Select(p => p.Id).SingleAsync());
        }

        var province2 = new Province { Code = "PR-OTHER2", NameFr = "Province test 2", NameAr = "إقليم الاختبار 2", RegionId = province1.RegionId };
        db.Provinces.Add(province2);
        var campaign = new CollectionCampaign { DirectorateId = directorate.Id, TrainingYearId = yearId, OpensOn = today.AddDays(-60), Deadline = today.AddDays(-5) };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var deadlineUtc = campaign.Deadline.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        Establishment Add(string code, EstablishmentType type, Province province)
        {
            var e = new Establishment { Code = code, NameFr = code, NameAr = "مؤسسة " + code, Type = type, ProvinceId = province.Id };
            e.RefreshSearchKey();
            db.Establishments.Add(e);
            return e;
        }

        void Profile(Establishment e, ProfileStatus status, DateTime? submittedAt, bool late) => db.Profiles.Add(new EstablishmentProfile
        {
            Establishment = e, TrainingYearId = yearId, CampaignId = campaign.Id, Status = status, SubmittedAtUtc = submittedAt, SubmittedLate = late,
        });

        Add("T-NOT-STARTED", EstablishmentType.CFP, province1);
        Profile(Add("T-DRAFT", EstablishmentType.ISTA, province1), ProfileStatus.Draft, null, false);
        Profile(Add("T-SUBMITTED-LATE", EstablishmentType.ISTA, province1), ProfileStatus.Submitted, deadlineUtc.AddDays(2), true);
        Profile(Add("T-SUBMITTED", EstablishmentType.CFP, province2), ProfileStatus.Submitted, deadlineUtc.AddDays(-3), false);
        Profile(Add("T-RETURNED", EstablishmentType.ISTA, province2), ProfileStatus.Returned, deadlineUtc.AddDays(-4), false);
        Profile(Add("T-APPROVED", EstablishmentType.CQP, province2), ProfileStatus.Approved, deadlineUtc.AddDays(-10), false);
        // Inactive establishments are not expected to send anything.
        var closed = Add("T-CLOSED", EstablishmentType.CFP, province2);
        closed.IsActive = false;
        await db.SaveChangesAsync();
        return (campaign.Id, province1.Id, province2.Id);
    }

    [Fact]
    public async Task Completeness_CountsEveryStateByProvinceTypeAndTotal()
    {
        var (campaignId, province1, province2) = await SeedAsync();
        await using var scope = factory.Services.CreateAsyncScope();

        var result = (await scope.ServiceProvider.GetRequiredService<ICampaignService>().CompletenessAsync(campaignId))!;

        // ISTA-OTHER (from the shared fixture) is not started either.
        Assert.Equal(new CompletenessCounts("total", Expected: 7, NotStarted: 2, Draft: 1, Submitted: 2, Returned: 1, Approved: 1, Late: 4), result.Total);
        Assert.Equal(new CompletenessCounts(province1.ToString(), 4, 2, 1, 1, 0, 0, 4), result.ByProvince.Single(p => p.Key == province1.ToString()));
        Assert.Equal(new CompletenessCounts(province2.ToString(), 3, 0, 0, 1, 1, 1, 0), result.ByProvince.Single(p => p.Key == province2.ToString()));
        Assert.Equal(new CompletenessCounts("ISTA", 4, 1, 1, 1, 1, 0, 3), result.ByType.Single(t => t.Key == "ISTA"));
        Assert.Equal(new CompletenessCounts("CFP", 2, 1, 0, 1, 0, 0, 1), result.ByType.Single(t => t.Key == "CFP"));
    }

    [Fact]
    public async Task CampaignPage_ShowsTheSameCountsToTheDirectoratesStaff()
    {
        var (campaignId, _, province2) = await SeedAsync();
        var staff = await factory.SignedInClientAsync(RegionalTrainingFactory.OtherStaffEmail);

        var html = await staff.GetStringAsync($"/Campaigns/Details/{campaignId}");

        Assert.Equal(["7", "2", "1", "2", "1", "1", "4"], RowCells(html, "total").Take(7));
        Assert.Equal(["3", "0", "0", "1", "1", "1", "0"], RowCells(html, province2.ToString()));
        Assert.Contains("T-NOT-STARTED", html);
        Assert.DoesNotContain("T-APPROVED</span>", html);
    }

    [Fact]
    public async Task CampaignPage_OfAnotherDirectorate_IsForbidden()
    {
        var (campaignId, _, _) = await SeedAsync();
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var director = await factory.SignedInClientAsync("director.mirleft@demo.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/Campaigns/Details/{campaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/Campaigns/Details/{campaignId}")).StatusCode);
    }

    [Fact]
    public async Task Remind_NotifiesOnlyDirectorsOfEstablishmentsThatHaveNotSubmitted()
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", 2023, deadlineInDays: 5);
        var campaignId = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.TrainingYear!.StartYear == 2023 && c.Directorate!.Code == "DR-SUD").Select(c => c.Id).SingleAsync());
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var mirleftDirector = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "director.mirleft@demo.local").Select(u => u.Id).SingleAsync());
        var before = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == mirleftDirector && n.MessageKey == Messages.CampaignReminder));

        var response = await staff.PostFormAsync($"/Campaigns/Details/{campaignId}", $"/Campaigns/Remind/{campaignId}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == mirleftDirector && n.MessageKey == Messages.CampaignReminder)));
        Assert.Contains(Directory.GetFiles(factory.MailFolder).Select(File.ReadAllText), m => m.Contains("To: director.mirleft@demo.local"));
    }

    private static List<string> RowCells(string html, string key)
    {
        var row = Regex.Match(html, $"<tr[^>]*data-key=\"{Regex.Escape(key)}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row {key}");
        return CellPattern().Matches(row.Groups[1].Value).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
