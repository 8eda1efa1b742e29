using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>The register over HTTP: who sees and moves which item, the lifecycle end to end, filters, export and bulk assignment.</summary>
[Collection(PortalCollection.Name)]
public sealed class RegisterTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";
    private const string Mirleft = "director.mirleft@demo.local";

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private async Task<int> ConstraintAsync(string establishmentCode, string description, FollowUpStatus status = FollowUpStatus.Raised)
    {
        var establishment = await factory.EstablishmentIdAsync(establishmentCode);
        return await factory.WithDbAsync(async db =>
        {
            var item = new Constraint { EstablishmentId = establishment, Description = description, Category = NeedCategory.BoardingAndTransport, Severity = Severity.Serious, Status = status };
            db.Constraints.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    private Task<FollowUpStatus> StatusAsync(int id) => factory.WithDbAsync(db => db.Constraints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    [Fact]
    public async Task Director_OpeningAnotherEstablishmentsItemByChangingTheId_IsForbidden()
    {
        var own = await ConstraintAsync("ISTA-FEB-MIRLEFT", "Internat de Mirleft " + Guid.NewGuid().ToString("N")[..6]);
        var dakhla = await ConstraintAsync("ISTA-DAKHLA", "Internat de Dakhla " + Guid.NewGuid().ToString("N")[..6]);
        var director = await factory.SignedInClientAsync(Mirleft);

        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/Register/Constraint/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/Register/Constraint/{dakhla}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/Register/Need/{dakhla + 100_000}")).StatusCode);
    }

    [Fact]
    public async Task Director_ForgingACommentOnAnotherEstablishmentsItem_IsForbiddenAndWritesNothing()
    {
        var own = await ConstraintAsync("ISTA-FEB-MIRLEFT", "Toiture de Mirleft");
        var dakhla = await ConstraintAsync("ISTA-DAKHLA", "Toiture de Dakhla");
        var director = await factory.SignedInClientAsync(Mirleft);

        var response = await director.PostFormAsync($"/Register/Constraint/{own}", $"/Register/Constraint/{dakhla}", F(("Action", "Comment"), ("Text", "forged")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.FollowUpEntries.AnyAsync(e => e.Text == "forged")));
    }

    [Fact]
    public async Task Director_TakingADirectorateStep_IsForbidden()
    {
        var own = await ConstraintAsync("ISTA-FEB-MIRLEFT", "Atelier sans électricité");
        var director = await factory.SignedInClientAsync(Mirleft);

        var response = await director.PostFormAsync($"/Register/Constraint/{own}", $"/Register/Constraint/{own}", F(("Action", "Acknowledge")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(FollowUpStatus.Raised, await StatusAsync(own));
    }

    [Fact]
    public async Task Director_OpeningTheDirectoratesRegister_IsForbidden()
    {
        var director = await factory.SignedInClientAsync(Mirleft);

        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync("/Register")).StatusCode);
    }

    [Fact]
    public async Task Lifecycle_StaffAnswersAndTheDirectorConfirms_EveryStepInTheHistoryAndTold()
    {
        var description = "Internat fermé faute d'eau " + Guid.NewGuid().ToString("N")[..6];
        var id = await ConstraintAsync("ISTA-FEB-MIRLEFT", description);
        var staff = await factory.SignedInClientAsync(Staff);
        var director = await factory.SignedInClientAsync(Mirleft);
        var page = $"/Register/Constraint/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page, F(("Action", "Acknowledge")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page, F(("Action", "Assign"), ("Owner", "Directorate"), ("DueOn", "2031-06-30"), ("Plan", "Citerne et raccordement")))).StatusCode);
        Assert.Contains(description, WebUtility.HtmlDecode(await director.GetStringAsync($"/Establishments/Details/{await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT")}")));
        Assert.Equal(HttpStatusCode.Redirect, (await director.PostFormAsync(page, page, F(("Action", "Comment"), ("Text", "Merci, urgent avant l'été")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page, F(("Action", "Resolve"), ("Text", "Citerne installée"), ("On", "2026-01-15")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await director.PostFormAsync(page, page, F(("Action", "Confirm")))).StatusCode);

        var history = await factory.WithDbAsync(db => db.FollowUpEntries.Where(e => e.ConstraintId == id).OrderBy(e => e.Id).Select(e => new { e.Kind, e.Status, e.UserName }).ToListAsync());
        Assert.Equal(
            [FollowUpEventKind.Acknowledged, FollowUpEventKind.Assigned, FollowUpEventKind.Commented, FollowUpEventKind.Resolved, FollowUpEventKind.Confirmed],
            history.Select(h => h.Kind));
        Assert.Equal(FollowUpStatus.Closed, history[^1].Status);
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.UserName)));
        var notices = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => db.Users.Any(u => u.Id == n.UserId && u.Email == Mirleft) && n.Link == page));
        Assert.Equal(3, notices);
    }

    [Fact]
    public async Task Assign_WithoutADueDate_Answers422AndKeepsWhatWasTyped()
    {
        var id = await ConstraintAsync("ISTA-FEB-MIRLEFT", "Transport des stagiaires");
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");
        var page = $"/Register/Constraint/{id}";

        var response = await staff.PostFormAsync(page, page, F(("Action", "Assign"), ("Owner", "Partner"), ("Plan", "Convention avec la commune")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Convention avec la commune", html);
        Assert.Contains("Indiquez une échéance.", html);
        Assert.Equal(FollowUpStatus.Raised, await StatusAsync(id));
    }

    [Fact]
    public async Task Confirm_AnItemNotResolved_Answers409()
    {
        var id = await ConstraintAsync("ISTA-FEB-MIRLEFT", "Salle informatique", FollowUpStatus.InProgress);
        var director = await factory.SignedInClientAsync(Mirleft);
        var page = $"/Register/Constraint/{id}";

        var response = await director.PostFormAsync(page, page, F(("Action", "Confirm")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(FollowUpStatus.InProgress, await StatusAsync(id));
    }

    [Fact]
    public async Task Register_FiltersByStatusAndEstablishment_AndExportsTheSameRows()
    {
        var marker = "Filtre " + Guid.NewGuid().ToString("N")[..8];
        await ConstraintAsync("ISTA-FEB-MIRLEFT", marker + " déféré", FollowUpStatus.Deferred);
        await ConstraintAsync("ISTA-FEB-MIRLEFT", marker + " signalé");
        var establishment = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var staff = await factory.SignedInClientAsync(Staff);

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register?status=Deferred&establishment={establishment}&kind=Constraint"));
        var csv = await staff.GetStringAsync($"/Register/Export?status=Deferred&establishment={establishment}&kind=Constraint&format=csv");

        Assert.Contains(marker + " déféré", html);
        Assert.DoesNotContain(marker + " signalé", html);
        Assert.Contains(marker + " déféré", csv);
        Assert.DoesNotContain(marker + " signalé", csv);
    }

    [Fact]
    public async Task Register_ForStaff_NeverShowsAnotherDirectoratesItems_WhateverTheAddressSays()
    {
        var other = await factory.EnsureOtherDirectorateAsync();
        var marker = "Autre direction " + Guid.NewGuid().ToString("N")[..8];
        await ConstraintAsync("ISTA-OTHER", marker);
        var staff = await factory.SignedInClientAsync(Staff);
        var directorate = await factory.WithDbAsync(db => db.Establishments.Where(e => e.Code == "ISTA-OTHER").Select(e => e.Province!.Region!.DirectorateId).SingleAsync());

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register?directorate={directorate}"));
        var admin = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync("admin@demo.local")).GetStringAsync($"/Register?directorate={directorate}"));

        Assert.DoesNotContain(marker, html);
        Assert.Contains(marker, admin);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task Register_GroupsACategoryRaisedBySeveralEstablishments()
    {
        var establishment = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        await factory.WithDbAsync(async db =>
        {
            var dakhla = await db.Establishments.Where(e => e.Code == "ISTA-DAKHLA").Select(e => e.Id).SingleAsync();
            db.Constraints.AddRange(
                new Constraint { EstablishmentId = establishment, Description = "Formateurs de pédagogie manquants", Category = NeedCategory.Pedagogy },
                new Constraint { EstablishmentId = dakhla, Description = "Pas de référentiel de pédagogie", Category = NeedCategory.Pedagogy });
            return await db.SaveChangesAsync();
        });
        var staff = await factory.SignedInClientAsync(Staff);

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/Register"));

        Assert.Contains("id=\"recurring\"", html);
        Assert.Contains("kind=Constraint&category=Pedagogy", html);
    }

    [Fact]
    public async Task BulkAssign_SeveralItems_AssignsEachWithOwnerAndDueDate()
    {
        var first = await ConstraintAsync("ISTA-FEB-MIRLEFT", "Lot un");
        var second = await ConstraintAsync("ISTA-DAKHLA", "Lot deux", FollowUpStatus.Acknowledged);
        var staff = await factory.SignedInClientAsync(Staff);

        var response = await staff.PostFormAsync("/Register", "/Register/BulkAssign",
            F(("ConstraintIds[0]", first.ToString()), ("ConstraintIds[1]", second.ToString()), ("Owner", "NationalOffice"), ("DueOn", "2031-03-31")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var items = await factory.WithDbAsync(db => db.Constraints.Where(c => c.Id == first || c.Id == second).Select(c => new { c.Status, c.Owner, c.DueOn }).ToListAsync());
        Assert.All(items, i => Assert.Equal((FollowUpStatus.InProgress, (ItemOwner?)ItemOwner.NationalOffice, (DateOnly?)new DateOnly(2031, 3, 31)), (i.Status, i.Owner, i.DueOn)));
    }

    [Fact]
    public async Task BulkAssign_WithAnItemOutsideTheDirectorate_IsForbiddenAndAssignsNothing()
    {
        var own = await ConstraintAsync("ISTA-FEB-MIRLEFT", "Lot interdit");
        await factory.EnsureOtherDirectorateAsync();
        var foreign = await ConstraintAsync("ISTA-OTHER", "Lot d'une autre direction");
        var staff = await factory.SignedInClientAsync(Staff);

        var response = await staff.PostFormAsync("/Register", "/Register/BulkAssign",
            F(("ConstraintIds[0]", own.ToString()), ("ConstraintIds[1]", foreign.ToString()), ("Owner", "Directorate"), ("DueOn", "2031-03-31")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(FollowUpStatus.Raised, await StatusAsync(own));
    }

    [Fact]
    public async Task Raise_ByStaff_AddsARaisedItemWithItsHistory()
    {
        var staff = await factory.SignedInClientAsync(Staff);
        var description = "Soulevé en réunion " + Guid.NewGuid().ToString("N")[..6];

        var response = await staff.PostFormAsync("/Register/Raise", "/Register/Raise",
            F(("Type", "Need"), ("EstablishmentId", (await factory.EstablishmentIdAsync("ISTA-DAKHLA")).ToString()), ("Category", "BoardingAndTransport"), ("Description", description), ("Priority", "Urgent")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var need = await factory.WithDbAsync(db => db.Needs.Where(n => n.Description == description).Select(n => new { n.Status, n.ProfileId, Entries = db.FollowUpEntries.Count(e => e.NeedId == n.Id) }).SingleAsync());
        Assert.Equal((FollowUpStatus.Raised, (int?)null, 1), (need.Status, need.ProfileId, need.Entries));
    }
}
