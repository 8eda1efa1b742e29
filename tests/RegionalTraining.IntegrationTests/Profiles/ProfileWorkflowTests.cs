using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>The identity sheet through HTTP, as the people using it would go: fill, submit, return, correct, approve.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProfileWorkflowTests(RegionalTrainingFactory factory)
{
    private const string Director = "director.mirleft@demo.local";
    private const int Year = 2026;

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, int id, string section, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/Profiles/{id}/{section}");
        fields["Version"] = HttpClientFormExtensions.HiddenValue(page, "Version");
        return await client.PostFormAsync($"/Profiles/{id}/{section}", $"/Profiles/{id}/{section}", fields);
    }

    private static async Task FillAsync(HttpClient client, int id, int programmeId)
    {
        await SaveAsync(client, id, "General", new() { ["OpeningYear"] = "2010", ["SiteAreaSquareMetres"] = "8000", ["HasCanteen"] = "true", ["BuildingCondition"] = "Good" });
        await SaveAsync(client, id, "HumanResources", new() { ["PermanentTrainers"] = "10", ["PermanentTrainersWomen"] = "4", ["ContractTrainers"] = "2", ["ContractTrainersWomen"] = "1", ["AdministrativeStaff"] = "5", ["AdministrativeStaffWomen"] = "2" });
        await SaveAsync(client, id, "MaterialResources", new() { ["Classrooms"] = "8", ["Workshops"] = "3", ["Computers"] = "40", ["Equipment[0].Name"] = "Cuisine pédagogique", ["Equipment[0].Quantity"] = "1", ["Equipment[0].Condition"] = "Working" });
        await SaveAsync(client, id, "Programmes", new()
        {
            ["Programmes[0].ProgrammeId"] = programmeId.ToString(), ["Programmes[0].Groups"] = "4", ["Programmes[0].Capacity"] = "120",
            ["Programmes[0].FirstYearTrainees"] = "60", ["Programmes[0].FirstYearWomen"] = "25", ["Programmes[0].SecondYearTrainees"] = "50", ["Programmes[0].SecondYearWomen"] = "20",
        });
        await SaveAsync(client, id, "Needs", new() { ["Needs[0].Category"] = "Equipment", ["Needs[0].Description"] = "Ordinateurs pour la salle 2", ["Needs[0].Quantity"] = "20", ["Needs[0].EstimatedCostMad"] = "120000,50", ["Needs[0].Priority"] = "High" });
        await SaveAsync(client, id, "Constraints", new() { ["Constraints[0].Category"] = "BoardingAndTransport", ["Constraints[0].Description"] = "Transport des stagiaires depuis les douars", ["Constraints[0].Severity"] = "Serious", ["Constraints[0].ProposedSolution"] = "Convention avec la commune" });
    }

    private async Task<int> NewProfileAsync(string establishmentCode, string directorEmail)
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var director = await factory.SignedInClientAsync(directorEmail);
        return await ProfileFixtures.StartAsync(factory, director, establishmentCode, Year);
    }

    [Fact]
    public async Task FullJourney_SubmitReturnCorrectApprove_LocksTheProfileAndRecordsHistory()
    {
        var id = await NewProfileAsync("ISTA-FEB-MIRLEFT", Director);
        var director = await factory.SignedInClientAsync(Director);
        var programme = await factory.WithDbAsync(db => db.Programmes.Select(p => p.Id).FirstAsync());
        await FillAsync(director, id, programme);

        var submit = await director.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Submit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);

        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var returned = await staff.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Return", new Dictionary<string, string>
        {
            ["comments[HumanResources]"] = "Le nombre de formateurs vacataires manque.",
        });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var page = await director.GetStringAsync($"/Profiles/{id}/HumanResources");
        Assert.Contains("Le nombre de formateurs vacataires manque.", page);
        var directorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Director).Select(u => u.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == directorId && n.MessageKey == Messages.ReturnedNotice)));
        // The directorate's side: the regional director is told a sheet awaits him, staff that one went back.
        var regionalId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "regional.director@demo.local").Select(u => u.Id).SingleAsync());
        var staffId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "staff@demo.local").Select(u => u.Id).SingleAsync());
        var link = $"/Profiles/{id}/Review";
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == regionalId && n.MessageKey == Messages.SubmittedNotice && n.Link == link)));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == staffId && n.MessageKey == Messages.SubmittedNotice && n.Link == link)));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == staffId && n.MessageKey == Messages.ReturnedNotice && n.Link == link)),
            "staff who returned the sheet are not told what they did");

        await SaveAsync(director, id, "HumanResources", new() { ["PermanentTrainers"] = "10", ["PermanentTrainersWomen"] = "4", ["ContractTrainers"] = "2", ["ContractTrainersWomen"] = "1", ["PartTimeTrainers"] = "3", ["PartTimeTrainersWomen"] = "1", ["AdministrativeStaff"] = "5", ["AdministrativeStaffWomen"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, (await director.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Submit", new Dictionary<string, string>())).StatusCode);

        // Staff may return but not approve: that is the regional director's.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Approve", new Dictionary<string, string>())).StatusCode);
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        Assert.Equal(HttpStatusCode.Redirect, (await regional.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Approve", new Dictionary<string, string>())).StatusCode);

        var locked = await SaveAsync(director, id, "General", new() { ["OpeningYear"] = "1999" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("can no longer be changed", await locked.Content.ReadAsStringAsync());
        var stored = await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(ProfileStatus.Approved, stored.Status);
        Assert.Equal(2010, stored.OpeningYear);
        Assert.Equal(3, stored.PartTimeTrainers);

        var history = await factory.WithDbAsync(db => db.ProfileEvents.Where(e => e.ProfileId == id).Include(e => e.Changes).ToListAsync());
        Assert.Equal(
            [ProfileEventKind.Created, ProfileEventKind.Submitted, ProfileEventKind.Returned, ProfileEventKind.Submitted, ProfileEventKind.Approved],
            history.Where(e => e.Kind != ProfileEventKind.SectionSaved).OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Contains(history.SelectMany(e => e.Changes), c => c.Field == "PartTimeTrainers" && c.OldValue == null && c.NewValue == "3");
        var historyPage = await director.GetStringAsync($"/Profiles/{id}/History");
        Assert.Contains("Part-time trainers", historyPage);
        Assert.DoesNotContain("PartTimeTrainers", historyPage);
    }

    [Fact]
    public async Task Submit_WithWomenAboveTotal_IsRefusedAndShowsTheErrorNextToTheField()
    {
        var id = await NewProfileAsync("ISTA-DAKHLA", "director.dakhla@demo.local");
        var director = await factory.SignedInClientAsync("director.dakhla@demo.local", "fr-MA");
        var programme = await factory.WithDbAsync(db => db.Programmes.Select(p => p.Id).FirstAsync());
        await FillAsync(director, id, programme);
        await SaveAsync(director, id, "HumanResources", new() { ["PermanentTrainers"] = "10", ["PermanentTrainersWomen"] = "14", ["ContractTrainers"] = "2", ["AdministrativeStaff"] = "5" });

        var page = await director.GetStringAsync($"/Profiles/{id}/HumanResources");
        var submit = await director.PostFormAsync($"/Profiles/{id}/Review", $"/Profiles/{id}/Submit", new Dictionary<string, string>());

        Assert.Contains("PermanentTrainersWomen-m0", page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal(ProfileStatus.Draft, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task SectionSave_WithArabicDigits_IsUnderstood()
    {
        // Dakhla's sheet of this year is never submitted by the tests of this class, so it stays editable.
        var id = await NewProfileAsync("ISTA-DAKHLA", "director.dakhla@demo.local");
        var director = await factory.SignedInClientAsync("director.dakhla@demo.local", "ar-MA");
        Assert.Equal(ProfileStatus.Draft, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        var response = await SaveAsync(director, id, "MaterialResources", new() { ["Classrooms"] = "١٢", ["Computers"] = "45" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(12, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Classrooms).SingleAsync()));
    }

    [Fact]
    public async Task SectionSave_WithTextInANumberField_KeepsEverythingTypedAndSavesNothing()
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var director = await factory.SignedInClientAsync("director.dakhla@demo.local", "fr-MA");
        var id = await ProfileFixtures.StartAsync(factory, director, "ISTA-DAKHLA", Year);
        Assert.Equal(ProfileStatus.Draft, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        var before = await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Workshops).SingleAsync());
        var response = await SaveAsync(director, id, "MaterialResources", new() { ["Classrooms"] = "douze", ["Workshops"] = "77", ["WarningComment"] = "commentaire à garder" });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("value=\"douze\"", html);
        Assert.Contains("value=\"77\"", html);
        Assert.Contains("commentaire à garder", html);
        Assert.Contains("pas un nombre", html);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Workshops).SingleAsync()));
    }

    [Fact]
    public async Task StaleSectionSave_IsRefusedKeepsTypedValuesAndTheEarlierSave()
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var first = await factory.SignedInClientAsync("director.dakhla@demo.local");
        var second = await factory.SignedInClientAsync("director.dakhla@demo.local");
        var id = await ProfileFixtures.StartAsync(factory, first, "ISTA-DAKHLA", Year);
        Assert.Equal(ProfileStatus.Draft, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        var pageOfSecond = await second.GetStringAsync($"/Profiles/{id}/General");
        var saved = await SaveAsync(first, id, "General", new() { ["SiteAreaSquareMetres"] = "9100" });
        var stale = await second.PostFormAsync($"/Profiles/{id}/General", $"/Profiles/{id}/General", new Dictionary<string, string>
        {
            ["Version"] = HttpClientFormExtensions.HiddenValue(pageOfSecond, "Version"),
            ["SiteAreaSquareMetres"] = "4321",
        });
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved this section", html);
        Assert.DoesNotContain("Correct the fields marked below", html);
        Assert.Contains("value=\"4321\"", html);
        Assert.Contains("Saved now: 9100", html);
        Assert.Equal(9100, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.SiteAreaSquareMetres).SingleAsync()));
    }
}
