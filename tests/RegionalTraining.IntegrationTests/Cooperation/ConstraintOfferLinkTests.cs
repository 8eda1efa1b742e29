using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Cooperation;

/// <summary>
/// Partners' offers linked to constraints (decision 0027): staff link and unlink, the history and the director's
/// notice, who may (another directorate: 404, a director: 403), the forms in three languages, and no contact on
/// the director's page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ConstraintOfferLinkTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";
    private const string Mirleft = "director.mirleft@demo.local";

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..6];

    private static Dictionary<string, string> Item(int constraint, bool fromItem = false) =>
        F(("type", "Constraint"), ("itemId", constraint.ToString()), ("fromItem", fromItem ? "true" : "false"));

    private async Task<(int Partner, int Offer, string Contact)> PartnerAsync(string name, OfferKind kind = OfferKind.Transport)
    {
        var mirleft = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var contact = Unique("Contact privé");
        return await factory.WithDbAsync(async db =>
        {
            var place = await db.Establishments.Where(e => e.Id == mirleft).Select(e => new { e.ProvinceId, e.Province!.Region!.DirectorateId }).SingleAsync();
            var partner = new Partner { DirectorateId = place.DirectorateId, Kind = PartnerKind.LocalCouncil, NameFr = name, NameAr = "جماعة " + name, ProvinceId = place.ProvinceId };
            partner.Contacts.Add(new PartnerContact { Name = contact, Role = "Président", Phone = "+212 699 88 77 66", Email = "prive@example.ma" });
            var offer = new Offer { Partner = partner, Kind = kind, Description = Unique("Navette de " + name), Quantity = 1, Unit = "bus" };
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return (partner.Id, offer.Id, contact);
        });
    }

    private async Task<int> ConstraintAsync(int establishment, string description, FollowUpStatus status = FollowUpStatus.Raised) =>
        await factory.WithDbAsync(async db =>
        {
            var constraint = new Constraint { EstablishmentId = establishment, Category = NeedCategory.BoardingAndTransport, Description = description, Status = status, Severity = Severity.Serious };
            db.Constraints.Add(constraint);
            await db.SaveChangesAsync();
            return constraint.Id;
        });

    private async Task<int> MirleftConstraintAsync(string description, FollowUpStatus status = FollowUpStatus.Raised) =>
        await ConstraintAsync(await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT"), description, status);

    [Fact]
    public async Task Link_AConstraint_ShowsThePartnerToTheDirectorWithoutContacts_WritesTheHistory_AndTellsTheDirector()
    {
        var partnerName = Unique("Commune de Mirleft");
        var (partner, offer, contact) = await PartnerAsync(partnerName);
        var constraint = await MirleftConstraintAsync(Unique("Pas de transport pour les stagiaires"));
        var staff = await factory.SignedInClientAsync(Staff);
        var director = await factory.SignedInClientAsync(Mirleft);
        var page = $"/Register/Constraint/{constraint}";

        Assert.Contains($"data-item=\"Constraint-{constraint}\"", await staff.GetStringAsync($"/Offers/Suggestions/{offer}"));
        var response = await staff.PostFormAsync($"/Cooperation/Constraint/{constraint}", $"/Offers/Link/{offer}", Item(constraint, fromItem: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Cooperation/Constraint/{constraint}", response.Headers.Location!.OriginalString);
        Assert.True(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.OfferId == offer && l.ConstraintId == constraint && l.NeedId == null)));
        var directorPage = WebUtility.HtmlDecode(await director.GetStringAsync(page));
        Assert.Contains(partnerName, directorPage);
        Assert.Contains("id=\"partner-offers\"", directorPage);
        Assert.DoesNotContain(contact, directorPage);
        Assert.DoesNotContain("prive@example.ma", directorPage);
        Assert.DoesNotContain("+212 699 88 77 66", directorPage);
        Assert.Contains(contact, WebUtility.HtmlDecode(await staff.GetStringAsync($"/Partners/Details/{partner}")));
        Assert.True(await factory.WithDbAsync(db => db.FollowUpEntries.AnyAsync(e => e.ConstraintId == constraint && e.Kind == FollowUpEventKind.OfferLinked && e.Facts!.Contains(partnerName))));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => db.Users.Any(u => u.Id == n.UserId && u.Email == Mirleft) && n.Link == page)));
        var arabicPage = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync(Mirleft, "ar-MA")).GetStringAsync(page));
        var arabicHistory = arabicPage[arabicPage.IndexOf("id=\"item-history\"", StringComparison.Ordinal)..];
        Assert.Contains("جماعة " + partnerName, arabicHistory[..arabicHistory.IndexOf("</ol>", StringComparison.Ordinal)]);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Unlink/{offer}", Item(constraint))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.ConstraintId == constraint)));
        Assert.True(await factory.WithDbAsync(db => db.FollowUpEntries.AnyAsync(e => e.ConstraintId == constraint && e.Kind == FollowUpEventKind.OfferUnlinked)));
        var afterUnlink = await director.GetStringAsync(page);
        Assert.DoesNotContain("id=\"partner-offers\"", afterUnlink);
        Assert.DoesNotContain(contact, WebUtility.HtmlDecode(afterUnlink));
    }

    [Fact]
    public async Task Link_TheSameOfferTwice_KeepsOneLinkAndOneHistoryLine()
    {
        var (_, offer, _) = await PartnerAsync(Unique("Conseil provincial"));
        var constraint = await MirleftConstraintAsync(Unique("Internat plein"));
        var staff = await factory.SignedInClientAsync(Staff);

        await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", Item(constraint));
        await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", Item(constraint));

        Assert.Equal(1, await factory.WithDbAsync(db => db.OfferLinks.CountAsync(l => l.ConstraintId == constraint)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.FollowUpEntries.CountAsync(e => e.ConstraintId == constraint && e.Kind == FollowUpEventKind.OfferLinked)));
    }

    [Fact]
    public async Task Link_AConstraintOfAnotherDirectorate_IsNotFound_AndLinksNothing()
    {
        var otherEstablishment = (await factory.EnsureOtherDirectorateAsync()).EstablishmentId;
        var (_, offer, _) = await PartnerAsync(Unique("Fondation"));
        var foreign = await ConstraintAsync(otherEstablishment, "Contrainte d'ailleurs");
        var staff = await factory.SignedInClientAsync(Staff);

        var link = await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", Item(foreign));

        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Cooperation/Constraint/{foreign}")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.ConstraintId == foreign)));
        Assert.DoesNotContain("Contrainte d'ailleurs", await staff.GetStringAsync($"/Offers/Suggestions/{offer}"));
    }

    [Fact]
    public async Task OtherDirectoratesStaff_LinkingOurOfferToOurConstraint_GetsNotFound()
    {
        await factory.EnsureOtherDirectorateAsync();
        var (_, offer, _) = await PartnerAsync(Unique("Commune"));
        var constraint = await MirleftConstraintAsync(Unique("Atelier sans électricité"));
        var other = await factory.SignedInClientAsync(RegionalTrainingFactory.OtherStaffEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Cooperation/Constraint/{constraint}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/Cooperation", $"/Offers/Link/{offer}", Item(constraint))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.ConstraintId == constraint)));
    }

    [Fact]
    public async Task Director_LinkingByAForgedForm_IsForbidden_AndLinksNothing()
    {
        var (_, offer, _) = await PartnerAsync(Unique("Association"));
        var constraint = await MirleftConstraintAsync(Unique("Transport du soir"));
        var director = await factory.SignedInClientAsync(Mirleft);

        var link = await director.PostFormAsync($"/Register/Constraint/{constraint}", $"/Offers/Link/{offer}", Item(constraint));

        Assert.Equal(HttpStatusCode.Forbidden, link.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/Cooperation/Constraint/{constraint}")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.ConstraintId == constraint)));
    }

    [Theory]
    [InlineData("ar-MA", "لا يمكن ربط عرض إلا بحاجة أو إكراه مفتوح.", "عروض لإكراه")]
    [InlineData("fr-MA", "Seul un besoin ou une contrainte ouvert peut recevoir une offre.", "Offres pour une contrainte")]
    [InlineData("en", "Only an open need or constraint can receive an offer.", "Offers for a constraint")]
    public async Task LinkForm_OnAClosedConstraint_SaysWhyInTheReadersLanguage_AndLinksNothing(string culture, string message, string title)
    {
        var (_, offer, _) = await PartnerAsync(Unique("Entreprise"));
        var constraint = await MirleftConstraintAsync(Unique("Route coupée"), FollowUpStatus.Closed);
        var staff = await factory.SignedInClientAsync(Staff, culture);
        var page = $"/Cooperation/Constraint/{constraint}";

        var response = await staff.PostFormAsync(page, $"/Offers/Link/{offer}", Item(constraint, fromItem: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = WebUtility.HtmlDecode(await staff.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains(message, html);
        Assert.Contains(title, html);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.ConstraintId == constraint)));
    }

    [Fact]
    public async Task Coverage_CountsAConstraintAnsweredByAPartner()
    {
        var (_, offer, _) = await PartnerAsync(Unique("Fonds"), OfferKind.Funding);
        var constraint = await MirleftConstraintAsync(Unique("Toiture qui fuit"));
        var coverage = async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ICooperationService>();
            var directorate = await factory.WithDbAsync(db => db.Constraints.Where(c => c.Id == constraint).Select(c => c.Establishment!.Province!.Region!.DirectorateId).SingleAsync());
            var admin = new RegionalTraining.Core.Accounts.AccessScope("admin", new HashSet<string> { RegionalTraining.Core.Accounts.Roles.Administrator }, null, new HashSet<int>());
            return (await service.CoverageAsync(admin, directorate)).Value!;
        };
        var before = await coverage();
        var staff = await factory.SignedInClientAsync(Staff);

        await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", Item(constraint));
        var after = await coverage();

        Assert.Equal(before.CoveredConstraints + 1, after.CoveredConstraints);
        Assert.Equal(before.CoveredNeeds, after.CoveredNeeds);
        Assert.Contains("id=\"covered-constraints\"", await staff.GetStringAsync("/Cooperation"));
        Assert.Contains("id=\"covered-constraints\"", await staff.GetStringAsync("/Register/Overview"));
    }
}
