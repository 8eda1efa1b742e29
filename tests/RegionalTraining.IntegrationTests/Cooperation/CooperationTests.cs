using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Cooperation;

/// <summary>The cooperation board over HTTP: partners and offers, suggestions, links, who sees contacts, and forms that keep what was typed.</summary>
[Collection(PortalCollection.Name)]
public sealed class CooperationTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";
    private const string Mirleft = "director.mirleft@demo.local";

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..6];

    private Task<int> ProvinceAsync(string code) => factory.WithDbAsync(db => db.Provinces.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private Task<int> DirectorateOfAsync(int establishmentId) =>
        factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == establishmentId).Select(e => e.Province!.Region!.DirectorateId).SingleAsync());

    /// <summary>A partner of the establishment's directorate in <paramref name="provinceCode"/>, with one contact and one open offer.</summary>
    private async Task<(int Partner, int Offer, string Contact)> PartnerAsync(string establishmentCode, string provinceCode, OfferKind kind, string name)
    {
        var directorate = await DirectorateOfAsync(await factory.EstablishmentIdAsync(establishmentCode));
        int? province = provinceCode.Length == 0 ? null : await ProvinceAsync(provinceCode);
        var contact = Unique("Contact privé");
        return await factory.WithDbAsync(async db =>
        {
            var partner = new Partner { DirectorateId = directorate, Kind = PartnerKind.LocalCouncil, NameFr = name, NameAr = "جماعة " + name, ProvinceId = province };
            partner.Contacts.Add(new PartnerContact { Name = contact, Role = "Président", Phone = "+212 600 00 00 00", Email = "contact@example.ma" });
            var offer = new Offer { Partner = partner, Kind = kind, Description = Unique("Offre de " + name), Quantity = 2, Unit = "véhicules" };
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return (partner.Id, offer.Id, contact);
        });
    }

    private async Task<int> NeedAsync(string establishmentCode, NeedCategory category, string description, FollowUpStatus status = FollowUpStatus.Raised, decimal? cost = null)
    {
        var establishment = await factory.EstablishmentIdAsync(establishmentCode);
        return await factory.WithDbAsync(async db =>
        {
            var need = new Need { EstablishmentId = establishment, Category = category, Description = description, Status = status, Priority = Priority.Urgent, EstimatedCostMad = cost };
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            return need.Id;
        });
    }

    private static async Task<string> TokenAsync(HttpClient client, string formUrl) => HttpClientFormExtensions.HiddenValue(await client.GetStringAsync(formUrl), "rowVersion");

    [Fact]
    public async Task Staff_CreatesAndEditsAPartnerAndAnOffer_TheBoardListsThem()
    {
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");
        var name = Unique("Chambre de commerce");

        var created = await staff.PostFormAsync("/Partners/Create", "/Partners/Create", F(("Kind", "Chamber"), ("NameFr", name), ("NameAr", "غرفة التجارة"),
            ("ProvinceId", (await ProvinceAsync("SIF")).ToString()), ("Contacts[0].Name", "Mme Alaoui"), ("Contacts[0].Role", "Secrétaire générale"), ("Contacts[0].Email", "alaoui@example.ma")));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var partner = await factory.WithDbAsync(db => db.Partners.Include(p => p.Contacts).SingleAsync(p => p.NameFr == name));
        Assert.Equal("Mme Alaoui", Assert.Single(partner.Contacts).Name);
        var edit = $"/Partners/Edit/{partner.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(edit, edit, F(("Kind", "Chamber"), ("NameFr", name + " (CCIS)"), ("Contacts[0].Name", "M. Bennani"), ("rowVersion", await TokenAsync(staff, edit))))).StatusCode);
        var offerPage = $"/Partners/{partner.Id}/Offers/Create";
        var offer = await staff.PostFormAsync(offerPage, offerPage, F(("Kind", "InternshipPlaces"), ("Description", "Stages en entreprise"), ("Quantity", "١٢"), ("Unit", "places"),
            ("FromOn", "2027-02-01"), ("ToOn", "2027-06-30"), ("Status", "Open")));
        Assert.Equal(HttpStatusCode.Redirect, offer.StatusCode);
        var offerId = await factory.WithDbAsync(db => db.Offers.Where(o => o.PartnerId == partner.Id).Select(o => o.Id).SingleAsync());
        var offerEdit = $"/Offers/Edit/{offerId}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(offerEdit, offerEdit, F(("Kind", "InternshipPlaces"), ("Description", "Stages en entreprise"), ("Quantity", "10"), ("Status", "Taken"), ("rowVersion", await TokenAsync(staff, offerEdit))))).StatusCode);

        var stored = await factory.WithDbAsync(db => db.Offers.SingleAsync(o => o.Id == offerId));
        Assert.Equal((10, OfferStatus.Taken), (stored.Quantity, stored.Status));
        Assert.Equal("M. Bennani", await factory.WithDbAsync(db => db.PartnerContacts.Where(c => c.PartnerId == partner.Id).Select(c => c.Name).SingleAsync()));
        var board = WebUtility.HtmlDecode(await staff.GetStringAsync("/Cooperation"));
        Assert.Contains(name + " (CCIS)", board);
        Assert.Contains("Stages en entreprise", board);
    }

    [Fact]
    public async Task Suggestions_ComeFromTheSameProvinceFirst_ThenTheSameRegion_ThenTheDirectorate()
    {
        var (_, offer, _) = await PartnerAsync("ISTA-SIDI-IFNI", "SIF", OfferKind.Transport, Unique("Commune de Sidi Ifni"));
        var far = await NeedAsync("ISTA-LAAYOUNE", NeedCategory.BoardingAndTransport, Unique("Bus pour Laâyoune"));
        var region = await NeedAsync("ISTA-GUELMIM", NeedCategory.BoardingAndTransport, Unique("Bus pour Guelmim"));
        var province = await NeedAsync("ISTA-SIDI-IFNI", NeedCategory.BoardingAndTransport, Unique("Bus pour Sidi Ifni"));
        var unrelated = await NeedAsync("ISTA-SIDI-IFNI", NeedCategory.Digital, Unique("Ordinateurs"));
        var staff = await factory.SignedInClientAsync(Staff);

        var html = await staff.GetStringAsync($"/Offers/Suggestions/{offer}");

        var positions = new[] { province, region, far }.Select(id => html.IndexOf($"data-item=\"Need-{id}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain($"data-item=\"Need-{unrelated}\"", html);
    }

    [Fact]
    public async Task Link_ShowsThePartnerOnTheNeedsPage_ToTheDirectorWithoutContacts_AndUnlinkTakesItAway()
    {
        var partnerName = Unique("Association Amal");
        var (_, offer, contact) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Equipment, partnerName);
        var need = await NeedAsync("ISTA-FEB-MIRLEFT", NeedCategory.Equipment, Unique("Tours pour l'atelier"), cost: 120_000m);
        var staff = await factory.SignedInClientAsync(Staff);
        var director = await factory.SignedInClientAsync(Mirleft);
        var suggestions = $"/Offers/Suggestions/{offer}";

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(suggestions, $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", need.ToString())))).StatusCode);

        var directorPage = WebUtility.HtmlDecode(await director.GetStringAsync($"/Register/Need/{need}"));
        Assert.Contains(partnerName, directorPage);
        Assert.DoesNotContain(contact, directorPage);
        Assert.DoesNotContain("contact@example.ma", directorPage);
        Assert.Contains(contact, WebUtility.HtmlDecode(await staff.GetStringAsync($"/Partners/Details/{await factory.WithDbAsync(db => db.Offers.Where(o => o.Id == offer).Select(o => o.PartnerId).SingleAsync())}")));
        Assert.Contains("id=\"covered-needs\"", await staff.GetStringAsync("/Cooperation"));

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(suggestions, $"/Offers/Unlink/{offer}", F(("type", "Need"), ("itemId", need.ToString())))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.NeedId == need)));
        // The history keeps the link and the unlink (decision 0027); the partners' offers section is gone.
        Assert.DoesNotContain("id=\"partner-offers\"", await director.GetStringAsync($"/Register/Need/{need}"));
    }

    [Fact]
    public async Task Link_AClosedNeed_IsRefusedAndWritesNothing()
    {
        var (_, offer, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Equipment, Unique("Entreprise Sud"));
        var need = await NeedAsync("ISTA-FEB-MIRLEFT", NeedCategory.Equipment, Unique("Fours"), FollowUpStatus.Closed);
        var staff = await factory.SignedInClientAsync(Staff);

        var response = await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", need.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.NeedId == need)));
    }

    [Fact]
    public async Task Director_GetsNoCooperationPage_AndNoContactInTheRegisterExport()
    {
        var (partner, offer, contact) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Transport, Unique("Conseil provincial"));
        var need = await NeedAsync("ISTA-FEB-MIRLEFT", NeedCategory.BoardingAndTransport, Unique("Transport des stagiaires"));
        var staff = await factory.SignedInClientAsync(Staff);
        await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", need.ToString())));
        var director = await factory.SignedInClientAsync(Mirleft);

        foreach (var url in new[] { "/Cooperation", $"/Partners/Details/{partner}", $"/Partners/Edit/{partner}", $"/Offers/Suggestions/{offer}", $"/Cooperation/Need/{need}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync(url)).StatusCode);
        }

        var establishment = WebUtility.HtmlDecode(await director.GetStringAsync($"/Establishments/Details/{await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT")}"));
        Assert.DoesNotContain(contact, establishment);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync("/Register/Export?format=csv")).StatusCode);
        Assert.DoesNotContain(contact, await staff.GetStringAsync("/Register/Export?format=csv"));
    }

    [Fact]
    public async Task OtherDirectoratesStaff_ChangingTheId_GetsNotFound_AndChangesNothing()
    {
        await factory.EnsureOtherDirectorateAsync();
        var (partner, offer, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Transport, Unique("Commune de Mirleft"));
        var need = await NeedAsync("ISTA-FEB-MIRLEFT", NeedCategory.BoardingAndTransport, Unique("Navette"));
        var other = await factory.SignedInClientAsync(RegionalTrainingFactory.OtherStaffEmail);

        foreach (var url in new[] { $"/Partners/Details/{partner}", $"/Partners/Edit/{partner}", $"/Partners/{partner}/Offers/Create", $"/Offers/Edit/{offer}", $"/Offers/Suggestions/{offer}", $"/Cooperation/Need/{need}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        }

        var link = await other.PostFormAsync("/Cooperation", $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", need.ToString())));
        var rename = await other.PostFormAsync("/Cooperation", $"/Partners/Edit/{partner}", F(("Kind", "Company"), ("NameFr", "Volé")));

        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferLinks.AnyAsync(l => l.NeedId == need)));
        Assert.False(await factory.WithDbAsync(db => db.Partners.AnyAsync(p => p.NameFr == "Volé")));
    }

    [Fact]
    public async Task Link_ANeedOfAnotherDirectorate_ToOwnOffer_IsNotFound()
    {
        var otherEstablishment = (await factory.EnsureOtherDirectorateAsync()).EstablishmentId;
        var (_, offer, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Funding, Unique("Fondation"));
        var foreignNeed = await factory.WithDbAsync(async db =>
        {
            var n = new Need { EstablishmentId = otherEstablishment, Category = NeedCategory.Other, Description = "Besoin d'ailleurs" };
            db.Needs.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        var staff = await factory.SignedInClientAsync(Staff);

        var response = await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", foreignNeed.ToString())));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Besoin d'ailleurs", await staff.GetStringAsync($"/Offers/Suggestions/{offer}"));
    }

    [Theory]
    [InlineData("ar-MA", "أدخل اسم الشريك بالفرنسية.")]
    [InlineData("fr-MA", "Indiquez le nom du partenaire en français.")]
    [InlineData("en", "Give the partner's name in French.")]
    public async Task PartnerForm_WithoutAFrenchName_Answers422AndKeepsWhatWasTyped(string culture, string message)
    {
        var staff = await factory.SignedInClientAsync(Staff, culture);

        var response = await staff.PostFormAsync("/Partners/Create", "/Partners/Create", F(("Kind", "Association"), ("NameAr", "جمعية الأمل"),
            ("Contacts[0].Name", "السيدة فاطمة"), ("Contacts[0].Phone", "+212 611 22 33 44")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("value=\"جمعية الأمل\"", html);
        Assert.Contains("value=\"السيدة فاطمة\"", html);
        Assert.Contains("value=\"+212 611 22 33 44\"", html);
    }

    [Theory]
    [InlineData("ar-MA", "لا يمكن أن تسبق نهاية الفترة بدايتها.")]
    [InlineData("fr-MA", "La fin de la période ne peut pas précéder son début.")]
    [InlineData("en", "The end of the period cannot be before its start.")]
    public async Task OfferForm_WithAReversedPeriod_Answers422AndKeepsWhatWasTyped(string culture, string message)
    {
        var (partner, _, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Premises, Unique("Commune"));
        var staff = await factory.SignedInClientAsync(Staff, culture);
        var page = $"/Partners/{partner}/Offers/Create";

        var response = await staff.PostFormAsync(page, page, F(("Kind", "Premises"), ("Description", "Salle polyvalente"), ("Quantity", "٣"), ("ValueMad", "12 500,50"),
            ("FromOn", "2027-06-30"), ("ToOn", "2027-01-01"), ("Status", "Open")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("Salle polyvalente", html);
        Assert.Contains("value=\"2027-06-30\"", html);
        Assert.Contains("value=\"3\"", html);
        Assert.False(await factory.WithDbAsync(db => db.Offers.AnyAsync(o => o.PartnerId == partner && o.Description == "Salle polyvalente")));
    }

    [Fact]
    public async Task OfferForm_AQuantityThatIsNotANumber_KeepsWhatWasTyped()
    {
        var (partner, _, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Premises, Unique("Commune"));
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");
        var page = $"/Partners/{partner}/Offers/Create";

        var response = await staff.PostFormAsync(page, page, F(("Kind", "Premises"), ("Description", "Salle"), ("Quantity", "douze"), ("Status", "Open")));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("value=\"douze\"", html);
    }

    [Fact]
    public async Task PartnerEdit_WithAStaleToken_Answers409AndSavesNothing()
    {
        var (partner, _, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Premises, Unique("Commune"));
        var staff = await factory.SignedInClientAsync(Staff);
        var edit = $"/Partners/Edit/{partner}";
        var stale = await TokenAsync(staff, edit);
        await factory.WithDbAsync(db => db.Partners.Where(p => p.Id == partner).ExecuteUpdateAsync(s => s.SetProperty(p => p.RowVersion, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })));

        var response = await staff.PostFormAsync(edit, edit, F(("Kind", "Company"), ("NameFr", "Renommé trop tard"), ("rowVersion", stale)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Partners.AnyAsync(p => p.NameFr == "Renommé trop tard")));
    }

    [Fact]
    public async Task Coverage_CountsLinkedNeedsAndTheirCost_AgainstOpenNeedsNotCovered()
    {
        var (_, offer, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Funding, Unique("Fonds"));
        var need = await NeedAsync("ISTA-FEB-MIRLEFT", NeedCategory.Infrastructure, Unique("Toiture"), cost: 50_000m);
        var scopeOf = async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ICooperationService>();
            var directorate = await DirectorateOfAsync(await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT"));
            var admin = new RegionalTraining.Core.Accounts.AccessScope("admin", new HashSet<string> { RegionalTraining.Core.Accounts.Roles.Administrator }, null, new HashSet<int>());
            return (await service.CoverageAsync(admin, directorate)).Value!;
        };
        var before = await scopeOf();
        var staff = await factory.SignedInClientAsync(Staff);

        await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", need.ToString())));
        var after = await scopeOf();

        Assert.Equal(before.CoveredNeeds + 1, after.CoveredNeeds);
        Assert.Equal(before.CoveredCostMad + 50_000m, after.CoveredCostMad);
        Assert.Equal(before.UncoveredOpenNeeds - 1, after.UncoveredOpenNeeds);
        Assert.Equal(before.UncoveredCostMad - 50_000m, after.UncoveredCostMad);
    }

    [Fact]
    public async Task RegisterOverview_ShowsWhatPartnersCovered_AfterAnOfferIsLinked()
    {
        var (_, offer, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Funding, Unique("Fonds"));
        var need = await NeedAsync("ISTA-FEB-MIRLEFT", NeedCategory.Infrastructure, Unique("Toiture"), cost: 40_000m);
        var directorate = await DirectorateOfAsync(await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT"));
        var overviewOf = async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<RegionalTraining.Core.NeedsAndConstraints.IRegisterOverviewService>();
            var admin = new RegionalTraining.Core.Accounts.AccessScope("admin", new HashSet<string> { RegionalTraining.Core.Accounts.Roles.Administrator }, null, new HashSet<int>());
            return (await service.BuildAsync(admin, new RegionalTraining.Core.NeedsAndConstraints.RegisterOverviewFilter(directorate))).Value!.Partners!;
        };
        var before = await overviewOf();
        var staff = await factory.SignedInClientAsync(Staff);

        await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", need.ToString())));
        var after = await overviewOf();
        var page = await staff.GetStringAsync("/Register/Overview");

        Assert.Equal(before.CoveredNeeds + 1, after.CoveredNeeds);
        Assert.Equal(before.CoveredCostMad + 40_000m, after.CoveredCostMad);
        Assert.Contains("data-figure=\"covered-by-partners\"", page);
    }

    [Theory]
    [InlineData("ar-MA", "درهم")]
    [InlineData("fr-MA", "MAD")]
    public async Task AmountsOnTheBoardAndTheOverview_NameTheCurrencyInTheReadersLanguageAfterTheIsolatedFigure(string culture, string currency)
    {
        var staff = await factory.SignedInClientAsync(Staff, culture);

        foreach (var page in new[] { "/Cooperation", "/Register/Overview" })
        {
            var html = WebUtility.HtmlDecode(await staff.GetStringAsync(page));

            // The figure keeps its own direction; the currency word follows it in the page's, so Arabic reads "40 000 درهم".
            Assert.Matches($@"<span class=""ltr-value"">[0-9\u202F,]+</span> {currency}[< ]", html);
            Assert.DoesNotMatch(@"[0-9] MAD</", html);
        }
    }

    [Theory]
    [InlineData("ar-MA", "1\u202F234\u202F567,50", "250\u202F000")]
    [InlineData("fr-MA", "1\u202F234\u202F567,50", "250\u202F000")]
    [InlineData("en", "1\u202F234\u202F567.50", "250\u202F000")]
    public async Task AmountsOnAnItemAndItsOffers_AreGroupedWithSpacesAsTheFormsReadThem_WithTheReadersDecimalMark(string culture, string cost, string value)
    {
        var (_, offer, _) = await PartnerAsync("ISTA-FEB-MIRLEFT", "SIF", OfferKind.Funding, Unique("Fonds"));
        await factory.WithDbAsync(db => db.Offers.Where(o => o.Id == offer).ExecuteUpdateAsync(o => o.SetProperty(x => x.ValueMad, 250_000m)));
        var need = await NeedAsync("ISTA-FEB-MIRLEFT", NeedCategory.Infrastructure, Unique("Atelier"), cost: 1_234_567.50m);
        var staff = await factory.SignedInClientAsync(Staff, culture);
        await staff.PostFormAsync($"/Offers/Suggestions/{offer}", $"/Offers/Link/{offer}", F(("type", "Need"), ("itemId", need.ToString())));

        var item = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register/Need/{need}"));
        var offers = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Offers/Suggestions/{offer}"));

        // The estimate on the item, the offer's value among the item's partner offers, and the item on the offer's page.
        Assert.Contains($"<span class=\"ltr-value\">{cost}</span>", item);
        Assert.Contains($"<span class=\"ltr-value\">{value}</span>", item);
        Assert.Contains($"<span class=\"ltr-value\">{cost}</span>", offers);
        // Neither the invariant grouping, which a reader in Arabic or French takes for decimals, nor a point, which the
        // forms read as the decimal mark.
        Assert.DoesNotMatch("(1[.,]234|250[.,]000)", item + offers);
        Assert.True(NumberInput.TryParseDecimal(cost, out var readBack) && readBack == 1_234_567.50m, $"{cost} reads back as {readBack}");
    }
}
