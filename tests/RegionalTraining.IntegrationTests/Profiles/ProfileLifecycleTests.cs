using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>Pre-filling from last year, late submission and reopening, on Sidi Ifni's sheets.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProfileLifecycleTests(RegionalTrainingFactory factory)
{
    private const string Director = "director.sidi-ifni@test.local";

    private async Task EnsureDirectorAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Users.AnyAsync(u => u.Email == Director))
        {
            var establishment = await factory.EstablishmentIdAsync("ISTA-SIDI-IFNI");
            var result = await accounts.CreateAsync(new AccountInput(Director, "Directeur Sidi Ifni", Roles.EstablishmentDirector, null, [establishment]), RegionalTrainingFactory.Password);
            Assert.True(result.Succeeded);
        }
    }

    /// <summary>An approved, complete sheet of an earlier year, stored as the workflow would have left it.</summary>
    private async Task<int> ApprovedProfileAsync(int startYear)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var establishment = await factory.EstablishmentIdAsync("ISTA-SIDI-IFNI");
        var yearId = await ProfileFixtures.YearIdAsync(factory, startYear);
        var existing = await db.Profiles.Where(p => p.EstablishmentId == establishment && p.TrainingYearId == yearId).Select(p => (int?)p.Id).SingleOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var programme = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var profile = new EstablishmentProfile
        {
            EstablishmentId = establishment, TrainingYearId = yearId, Status = ProfileStatus.Approved,
            OpeningYear = 2005, SiteAreaSquareMetres = 6000, HasCanteen = true, BuildingCondition = BuildingCondition.Fair,
            PermanentTrainers = 14, PermanentTrainersWomen = 6, AdministrativeStaff = 5, AdministrativeStaffWomen = 2,
            Classrooms = 9, Workshops = 2, Computers = 30, BoardingPlaces = 80,
            Programmes = [new ProfileProgramme { ProgrammeId = programme, Groups = 3, Capacity = 90, FirstYearTrainees = 45, FirstYearWomen = 20, SecondYearTrainees = 40, SecondYearWomen = 15 }],
            Sections = Enum.GetValues<ProfileSection>().Select(s => new ProfileSectionState { Section = s }).ToList(),
        };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        db.Needs.Add(new Need { EstablishmentId = establishment, ProfileId = profile.Id, Sheets = { profile }, Description = "Réhabilitation de l'internat", Category = NeedCategory.BoardingAndTransport, Status = FollowUpStatus.InProgress });
        db.Needs.Add(new Need { EstablishmentId = establishment, ProfileId = profile.Id, Sheets = { profile }, Description = "Besoin déjà satisfait", Category = NeedCategory.Equipment, Status = FollowUpStatus.Closed });
        await db.SaveChangesAsync();
        return profile.Id;
    }

    [Fact]
    public async Task Start_AfterAnApprovedYear_PrefillsResourcesAndProgrammesAndShowsTheSameOpenNeeds()
    {
        await EnsureDirectorAsync();
        var last = await ApprovedProfileAsync(2021);
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", 2022);
        var director = await factory.SignedInClientAsync(Director);

        var id = await ProfileFixtures.StartAsync(factory, director, "ISTA-SIDI-IFNI", 2022);

        var profile = await factory.WithDbAsync(db => db.Profiles.Include(p => p.Programmes).AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(last, profile.PrefilledFromId);
        Assert.Equal((14, 30, 80), (profile.PermanentTrainers, profile.Computers, profile.BoardingPlaces));
        var row = Assert.Single(profile.Programmes);
        Assert.Equal((3, 90, 0), (row.Groups, row.Capacity, row.FirstYearTrainees));
        // The open need is the same item on both sheets, not a copy; the closed one stays on last year's only.
        var needs = await factory.WithDbAsync(db => db.Needs.Where(n => n.Sheets.Any(s => s.Id == id)).Select(n => new { n.Description, n.ProfileId }).ToListAsync());
        // Other tests' approved years of the same establishment may add their own open items: each is shown, none copied.
        Assert.Contains(("Réhabilitation de l'internat", (int?)last), needs.Select(n => (n.Description, n.ProfileId)));
        Assert.DoesNotContain(needs, n => n.ProfileId == id || n.Description == "Besoin déjà satisfait");
    }

    [Fact]
    public async Task Submit_AfterTheDeadline_IsAcceptedAndMarkedLate()
    {
        await EnsureDirectorAsync();
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", 2019, deadlineInDays: -2);
        await ApprovedProfileAsync(2018);
        var director = await factory.SignedInClientAsync(Director);
        var id = await ProfileFixtures.StartAsync(factory, director, "ISTA-SIDI-IFNI", 2019);
        // Pre-filled from 2018 with zero trainees: add this year's so the sheet is complete and consistent.
        await factory.WithDbAsync(async db =>
        {
            var row = await db.ProfileProgrammes.SingleAsync(r => r.ProfileId == id);
            row.FirstYearTrainees = 45;
            row.SecondYearTrainees = 40;
            return await db.SaveChangesAsync();
        });

        var response = await director.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Submit", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(ProfileStatus.Submitted, stored.Status);
        Assert.True(stored.SubmittedLate);
    }

    [Fact]
    public async Task Reopen_NeedsAReasonAndReturnsTheSheetToTheDirector()
    {
        await EnsureDirectorAsync();
        var id = await ApprovedProfileAsync(2020);
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        var staff = await factory.SignedInClientAsync("staff@demo.local");

        var byStaff = await staff.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Reopen", new Dictionary<string, string> { ["reason"] = "x" });
        var withoutReason = await regional.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Reopen", new Dictionary<string, string> { ["reason"] = " " });
        var statusAfterRefusals = await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());
        var reopened = await regional.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Reopen", new Dictionary<string, string> { ["reason"] = "Erreur sur le nombre de lauréats" });

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Equal(ProfileStatus.Approved, statusAfterRefusals);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(ProfileStatus.Returned, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.ProfileEvents.AnyAsync(e => e.ProfileId == id && e.Kind == ProfileEventKind.Reopened && e.Comment == "Erreur sur le nombre de lauréats")));
        var directorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Director).Select(u => u.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == directorId && n.MessageKey == Messages.ReopenedNotice)));
    }

    [Fact]
    public async Task Start_WithoutOpenCampaign_CreatesNothing()
    {
        await EnsureDirectorAsync();
        var director = await factory.SignedInClientAsync(Director);
        var establishment = await factory.EstablishmentIdAsync("ISTA-SIDI-IFNI");
        var year = await ProfileFixtures.YearIdAsync(factory, 2024); // DR-SUD never opens 2024 in these tests

        var response = await director.PostFormAsync("/Profiles", "/Profiles/Start", new Dictionary<string, string>
        {
            ["establishmentId"] = establishment.ToString(),
            ["trainingYearId"] = year.ToString(),
        });

        Assert.Equal("/Profiles", response.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.Profiles.AnyAsync(p => p.EstablishmentId == establishment && p.TrainingYearId == year)));
    }
}
