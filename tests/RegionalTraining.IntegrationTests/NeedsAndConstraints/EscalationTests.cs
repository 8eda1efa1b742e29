using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>Escalation over HTTP, in the three languages, and the administrator's national register.</summary>
[Collection(PortalCollection.Name)]
public sealed class EscalationTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";
    private const string Mirleft = "director.mirleft@demo.local";
    private const string Administrator = "admin@demo.local";

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private async Task<int> ConstraintAsync(string establishmentCode, string description, FollowUpStatus status = FollowUpStatus.Acknowledged)
    {
        var establishment = await factory.EstablishmentIdAsync(establishmentCode);
        return await factory.WithDbAsync(async db =>
        {
            var item = new Constraint { EstablishmentId = establishment, Description = description, Category = NeedCategory.Infrastructure, Severity = Severity.Critical, Status = status };
            db.Constraints.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    private Task<(FollowUpStatus Status, ItemOwner? Owner, DateOnly? EscalatedOn)> StateAsync(int id) =>
        factory.WithDbAsync(db => db.Constraints.Where(c => c.Id == id).Select(c => ValueTuple.Create(c.Status, c.Owner, c.EscalatedOn)).SingleAsync());

    private static string Marker(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData("ar-MA", "اذكر السبب.", "الإحالة على الإدارة العامة للمكتب")]
    [InlineData("fr-MA", "Indiquez le motif.", "Remonter à la direction générale")]
    [InlineData("en", "Give the reason.", "Escalate to the national office")]
    public async Task Escalate_WithoutAReason_Answers422InTheReadersLanguageAndChangesNothing(string culture, string error, string heading)
    {
        var id = await ConstraintAsync("ISTA-FEB-MIRLEFT", Marker("Atelier effondré"));
        var staff = await factory.SignedInClientAsync(Staff, culture);
        var page = $"/Register/Constraint/{id}";

        Assert.Contains(heading, WebUtility.HtmlDecode(await staff.GetStringAsync(page)));
        var response = await staff.PostFormAsync(page, page, F(("Action", "Escalate"), ("Text", "  ")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(error, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal((FollowUpStatus.Acknowledged, (ItemOwner?)null, (DateOnly?)null), await StateAsync(id));
    }

    [Theory]
    [InlineData("ar-MA", "تمت إحالة العنصر على الإدارة العامة.")]
    [InlineData("fr-MA", "Le point a été remonté à la direction générale.")]
    [InlineData("en", "The item was escalated to the national office.")]
    public async Task Escalate_ByStaff_HandsTheItemToTheNationalOfficeWritesTheHistoryAndTellsTheDirector(string culture, string flash)
    {
        var id = await ConstraintAsync("ISTA-FEB-MIRLEFT", Marker("Internat à reconstruire"));
        var staff = await factory.SignedInClientAsync(Staff, culture);
        var page = $"/Register/Constraint/{id}";

        var response = await staff.PostFormAsync(page, page, F(("Action", "Escalate"), ("Text", "Coût au-delà du budget régional")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(flash, WebUtility.HtmlDecode(await staff.GetStringAsync(page)));
        var (status, owner, escalatedOn) = await StateAsync(id);
        Assert.Equal((FollowUpStatus.InProgress, (ItemOwner?)ItemOwner.NationalOffice), (status, owner));
        Assert.NotNull(escalatedOn);
        var entry = await factory.WithDbAsync(db => db.FollowUpEntries.Where(e => e.ConstraintId == id).SingleAsync());
        Assert.Equal((FollowUpEventKind.Escalated, "Coût au-delà du budget régional"), (entry.Kind, entry.Text));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => db.Users.Any(u => u.Id == n.UserId && u.Email == Mirleft) && n.Link == page)));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostFormAsync(page, page, F(("Action", "Escalate"), ("Text", "Encore")))).StatusCode);
    }

    [Fact]
    public async Task Escalate_ByTheEstablishmentsDirector_IsForbiddenAndChangesNothing()
    {
        var id = await ConstraintAsync("ISTA-FEB-MIRLEFT", Marker("Salle informatique"));
        var director = await factory.SignedInClientAsync(Mirleft);
        var page = $"/Register/Constraint/{id}";

        Assert.DoesNotContain("form-escalate", await director.GetStringAsync(page));
        var response = await director.PostFormAsync(page, page, F(("Action", "Escalate"), ("Text", "forgé")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((FollowUpStatus.Acknowledged, (ItemOwner?)null, (DateOnly?)null), await StateAsync(id));
    }

    [Fact]
    public async Task Escalate_AnotherDirectoratesItem_IsRefusedAndChangesNothing()
    {
        await factory.EnsureOtherDirectorateAsync();
        var own = await ConstraintAsync("ISTA-FEB-MIRLEFT", Marker("Propre"));
        var other = await ConstraintAsync("ISTA-OTHER", Marker("Ailleurs"));
        var staff = await factory.SignedInClientAsync(Staff);

        var response = await staff.PostFormAsync($"/Register/Constraint/{own}", $"/Register/Constraint/{other}", F(("Action", "Escalate"), ("Text", "forgé")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await StateAsync(other)).EscalatedOn);
    }

    [Fact]
    public async Task NationalRegister_ShowsTheAdministratorEveryDirectoratesEscalatedItems_AndStaffOnlyTheirs()
    {
        var otherEstablishment = (await factory.EnsureOtherDirectorateAsync()).EstablishmentId;
        var ours = Marker("Escaladé ici");
        var theirs = Marker("Escaladé ailleurs");
        var notEscalated = Marker("Pas escaladé");
        var oursId = await ConstraintAsync("ISTA-FEB-MIRLEFT", ours);
        var theirsId = await ConstraintAsync("ISTA-OTHER", theirs);
        await ConstraintAsync("ISTA-FEB-MIRLEFT", notEscalated);
        var admin = await factory.SignedInClientAsync(Administrator, "ar-MA");
        foreach (var id in new[] { oursId, theirsId })
        {
            var page = $"/Register/Constraint/{id}";
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, page, F(("Action", "Escalate"), ("Text", "Au-delà des moyens")))).StatusCode);
        }

        var otherDirectorate = await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == otherEstablishment).Select(e => e.Province!.Region!.DirectorateId).SingleAsync());
        var national = WebUtility.HtmlDecode(await admin.GetStringAsync("/Register?escalated=true"));
        var filtered = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Register?escalated=true&directorate={otherDirectorate}"));
        var staff = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync(Staff)).GetStringAsync($"/Register?escalated=true&directorate={otherDirectorate}"));

        Assert.Contains("السجل الوطني للحاجيات والإكراهات", national);
        Assert.Contains(ours, national);
        Assert.Contains(theirs, national);
        Assert.DoesNotContain(notEscalated, national);
        Assert.Contains(theirs, filtered);
        Assert.DoesNotContain(ours, filtered);
        Assert.Contains(ours, staff);
        Assert.DoesNotContain(theirs, staff);
    }
}
