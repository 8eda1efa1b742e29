using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// Issue 10's "done means", in Arabic: the Mirleft director raises a constraint in his sheet and submits it; the
/// regional director approves; staff acknowledge it and assign it to the directorate with a due date; a meeting
/// decision is linked to it; a partner's offer is matched to it (the item page shows the partner, never his
/// contacts); staff resolve it with a photo; the director confirms; next year's sheet does not carry
/// it; the register overview's resolution rate moves. Past training years (2020, 2021) stand for "this year" and
/// "next year", so the journey needs no clock shift and leaves the current year to the sheet journeys; no other
/// journey uses Mirleft's 2019–2021 sheets (the sheet import uses its 2022 and 2023 ones), whatever the order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegisterDoneMeansJourneyTests(BrowserPortal portal)
{
    private const int ThisYear = 2020;
    private const int NextYear = 2021;
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAE/wH+k0xLLwAAAABJRU5ErkJggg==");

    private sealed record World(int Establishment, int ThisYearId, int NextYearId, int Meeting, DateOnly Today, int Offer, string PartnerAr, string Contact);

    /// <summary>
    /// Mirleft's approved 2019 sheet (so the 2020 one starts filled), campaigns open for 2020 and 2021, a held meeting,
    /// and a partner of the directorate in Mirleft's province with a contact and an open funding offer.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        await Campaigns.EnsureOpenAsync(portal, ThisYear);
        await Campaigns.EnsureOpenAsync(portal, NextYear);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today;
        var establishment = await db.Establishments.Where(e => e.Code == "ISTA-FEB-MIRLEFT").Select(e => e.Id).SingleAsync();
        var years = await db.TrainingYears.Where(y => y.StartYear >= ThisYear - 1 && y.StartYear <= NextYear).ToDictionaryAsync(y => y.StartYear, y => y.Id);
        if (!await db.Profiles.AnyAsync(p => p.EstablishmentId == establishment && p.TrainingYearId == years[ThisYear - 1]))
        {
            var programme = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            db.Profiles.Add(new EstablishmentProfile
            {
                EstablishmentId = establishment, TrainingYearId = years[ThisYear - 1], Status = ProfileStatus.Approved, ApprovedAtUtc = DateTime.UtcNow,
                AddressFr = "Route de Tiznit, Mirleft", AddressAr = "طريق تيزنيت، ميرلفت", OpeningYear = 2010, SiteAreaSquareMetres = 8000,
                BuildingCondition = BuildingCondition.Good, HasCanteen = true, PermanentTrainers = 8, PermanentTrainersWomen = 3, AdministrativeStaff = 4,
                AdministrativeStaffWomen = 2, Classrooms = 10, Workshops = 3, Computers = 40,
                Programmes = [new ProfileProgramme { ProgrammeId = programme, Groups = 4, Capacity = 120, FirstYearTrainees = 60, FirstYearWomen = 25, SecondYearTrainees = 50, SecondYearWomen = 20 }],
                Sections = Enum.GetValues<ProfileSection>().Select(s => new ProfileSectionState { Section = s }).ToList(),
            });
        }

        var directorate = await db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync();
        var meeting = new Meeting
        {
            DirectorateId = directorate, TitleFr = "Comité de suivi des contraintes", TitleAr = "لجنة تتبع الإكراهات", Slug = $"suivi-contraintes-{Guid.NewGuid():N}",
            StartsOn = today.AddDays(-7), EndsOn = today.AddDays(-7), Status = MeetingStatus.Held,
            Invitations = [new MeetingInvitation { EstablishmentId = establishment }],
        };
        db.Meetings.Add(meeting);
        var tag = Guid.NewGuid().ToString("N")[..4];
        var partner = new Partner
        {
            DirectorateId = directorate, Kind = PartnerKind.LocalCouncil, NameFr = $"Commune de Mirleft {tag}", NameAr = $"جماعة ميرلفت {tag}",
            ProvinceId = await db.Establishments.Where(e => e.Id == establishment).Select(e => e.ProvinceId).SingleAsync(),
        };
        partner.Contacts.Add(new PartnerContact { Name = $"السيد رئيس الجماعة {tag}", Phone = "+212 628 00 00 00" });
        var offer = new Offer { Partner = partner, Kind = OfferKind.Funding, Description = "تمويل خزان ماء للداخلية", ValueMad = 60_000m };
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return new World(establishment, years[ThisYear], years[NextYear], meeting.Id, today, offer.Id, partner.NameAr, partner.Contacts[0].Name);
    }

    /// <summary>
    /// The sheet journeys start Mirleft's current-year sheet and expect no earlier approved sheet to prefill it, nor
    /// other open campaigns on the director's list: this journey's sheets go back to draft and its campaigns close.
    /// </summary>
    private async Task TidyAsync(World world)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Profiles.Where(p => p.EstablishmentId == world.Establishment && p.TrainingYear!.StartYear < ThisYear + 2)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProfileStatus.Draft));
        await db.Campaigns.Where(c => c.TrainingYearId == world.ThisYearId || c.TrainingYearId == world.NextYearId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OpensOn, world.Today.AddDays(-60)).SetProperty(c => c.Deadline, world.Today.AddDays(-31)));
    }

    /// <summary>The overview's count of items raised and of those resolved or closed.</summary>
    private static async Task<(int Raised, int Resolved)> OverviewCountsAsync(IPage page) =>
        (int.Parse((await page.GetAttributeAsync("[data-figure=raised]", "data-value"))!, CultureInfo.InvariantCulture),
         int.Parse((await page.GetAttributeAsync("[data-figure=resolved]", "data-value"))!, CultureInfo.InvariantCulture));

    private static Task StartSheetAsync(IPage director, int trainingYearId) =>
        Documents.FollowAsync(
            director,
            () => director.ClickAsync($"main form:has(input[name=trainingYearId][value='{trainingYearId}']) button"),
            url => url.EndsWith("/General", StringComparison.Ordinal));

    [Fact]
    public async Task ConstraintFromTheSheetToConfirmedResolution_InArabic_LeavesNextYearsSheetAndMovesTheRate()
    {
        var world = await SeedAsync();
        try
        {
            var description = "انقطاع الماء عن الداخلية " + Guid.NewGuid().ToString("N")[..4];
            var regional = await portal.NewPageAsync("ar-MA");
            await portal.SignInAsync(regional, "regional.director@demo.local");
            await regional.GotoAsync("/Register/Overview");
            var rateBefore = await regional.InnerTextAsync("[data-figure=resolution-rate]");
            var (raisedBefore, resolvedBefore) = await OverviewCountsAsync(regional);
            var answeredBefore = int.Parse(await regional.InnerTextAsync("#covered-constraints"), CultureInfo.InvariantCulture);
            await BrowserPortal.ScreenshotAsync(regional, "register-done-01-overview-before.ar-MA");

            // The director raises the constraint in his 2020 sheet (prefilled from 2019) and submits it.
            var director = await portal.NewPageAsync("ar-MA");
            await portal.SignInAsync(director, "director.mirleft@demo.local");
            await director.GotoAsync("/Profiles");
            await StartSheetAsync(director, world.ThisYearId);
            var sheet = director.Url[..director.Url.LastIndexOf('/')];
            await director.GotoAsync(sheet + "/Constraints");
            var row = await director.Locator("textarea[id^='Constraints_'][id$='__Description']").CountAsync() - 1;
            await director.SelectOptionAsync($"#Constraints_{row}__Category", "BoardingAndTransport");
            await director.SelectOptionAsync($"#Constraints_{row}__Severity", "Serious");
            await director.FillAsync($"#Constraints_{row}__Description", description);
            await Forms.PostAsync(director, "main form button[type=submit]");
            await BrowserPortal.ScreenshotAsync(director, "register-done-02-sheet-constraint.ar-MA");
            // The prefilled sections carry warnings (figures against the year before): the director explains them, as submitting requires.
            foreach (var section in new[] { "HumanResources", "Programmes" })
            {
                await director.GotoAsync($"{sheet}/{section}");
                await director.FillAsync("#WarningComment", "الأرقام مطابقة للسنة الماضية");
                await Forms.PostAsync(director, "main form button[type=submit]");
            }

            await director.GotoAsync(sheet + "/Review");
            await Forms.PostAsync(director, "form[action$='/Submit'] button");
            await BrowserPortal.ScreenshotAsync(director, "register-done-02b-sheet-submitted.ar-MA");
            Assert.Equal(1, await director.Locator(".alert-success[role=status]").CountAsync());

            // The regional director approves the sheet: the constraint is now an item of the register.
            await regional.GotoAsync(sheet + "/Review");
            await Forms.ConfirmAndPostAsync(regional, "form[action$='/Approve'] button");
            await BrowserPortal.ScreenshotAsync(regional, "register-done-03-sheet-approved.ar-MA");
            int item;
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                item = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Constraints.Where(c => c.Description == description).Select(c => c.Id).SingleAsync();
            }

            // Staff acknowledge it and assign it to the directorate with a due date.
            var itemUrl = $"/Register/Constraint/{item}";
            var staff = await portal.NewPageAsync("ar-MA");
            await portal.SignInAsync(staff, "staff@demo.local");
            await staff.GotoAsync(itemUrl);
            await Forms.PostAsync(staff, "#do-acknowledge");
            await staff.SelectOptionAsync("#assign-owner", "Directorate");
            await staff.FillAsync("#assign-due", world.Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await staff.FillAsync("#assign-plan", "ربط الداخلية بشبكة الماء الصالح للشرب");
            await Forms.PostAsync(staff, "#do-assign");
            await staff.WaitForSelectorAsync("#item-status:has-text('قيد المعالجة')");
            await BrowserPortal.ScreenshotAsync(staff, "register-done-04-assigned.ar-MA");

            // A meeting decision is linked to it.
            await staff.GotoAsync($"/Meetings/Details/{world.Meeting}");
            await staff.ClickAsync("#add-decision summary");
            await staff.FillAsync("#dec-text-fr", "Raccorder l'internat de Mirleft au réseau d'eau potable.");
            await staff.FillAsync("#dec-text-ar", "ربط داخلية ميرلفت بشبكة الماء الصالح للشرب.");
            await staff.SelectOptionAsync("#dec-owner", "Directorate");
            await staff.SelectOptionAsync("#dec-constraints", item.ToString(CultureInfo.InvariantCulture));
            await Forms.PostAsync(staff, "form[action*='AddDecision'] button[type=submit]");
            await staff.GotoAsync(itemUrl);
            await staff.WaitForSelectorAsync($"main a[href*='/Meetings/Details/{world.Meeting}']");
            await BrowserPortal.ScreenshotAsync(staff, "register-done-05-decision-linked.ar-MA");

            // A partner's offer is matched: from the item, staff find the offers that suit it and link the commune's funding.
            await Documents.FollowAsync(
                staff,
                () => staff.ClickAsync("#find-offers"),
                url => url.EndsWith($"/Cooperation/Constraint/{item}", StringComparison.Ordinal));
            await BrowserPortal.ScreenshotAsync(staff, "register-done-05b-offers-suggested.ar-MA");
            await Forms.PostAsync(staff, $"#suggested-offers li[data-offer='{world.Offer}'] button[type=submit]");
            await staff.WaitForSelectorAsync($"#linked-offers a[href='/Offers/Suggestions/{world.Offer}']");
            await staff.GotoAsync(itemUrl);
            await staff.WaitForSelectorAsync($"#partner-offers .partner-name:has-text('{world.PartnerAr}')");
            await staff.WaitForSelectorAsync("#item-history li:has-text('ربط عرض شريك')");
            await BrowserPortal.ScreenshotAsync(staff, "register-done-05c-partner-offer-matched.ar-MA");
            var frenchStaff = await portal.NewPageAsync("fr-MA");
            await portal.SignInAsync(frenchStaff, "staff@demo.local");
            await frenchStaff.GotoAsync($"/Cooperation/Constraint/{item}");
            await frenchStaff.WaitForSelectorAsync($"#linked-offers a[href='/Offers/Suggestions/{world.Offer}']");
            await BrowserPortal.ScreenshotAsync(frenchStaff, "register-done-05b-offers-linked.fr-MA");
            await frenchStaff.GotoAsync(itemUrl);
            await frenchStaff.WaitForSelectorAsync("#item-history li:has-text(\"Offre d'un partenaire liée\")");
            await BrowserPortal.ScreenshotAsync(frenchStaff, "register-done-05c-partner-offer-matched.fr-MA");

            // Staff resolve it with a photo.
            await staff.FillAsync("#resolve-text", "تم ربط الداخلية بالشبكة وتركيب خزان ماء");
            await staff.FillAsync("#resolve-on", world.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await staff.SetInputFilesAsync("#resolve-evidence", new FilePayload { Name = "خزان الماء.png", MimeType = "image/png", Buffer = Png });
            await Forms.PostAsync(staff, "#do-resolve");
            await staff.WaitForSelectorAsync("#item-status:has-text('تمت معالجته')");
            await staff.WaitForSelectorAsync("#item-history .evidence-photo");
            await BrowserPortal.ScreenshotAsync(staff, "register-done-06-resolved-with-photo.ar-MA");
            await Accessibility.AssertNoSeriousViolationsAsync(staff);

            // The director sees the partner (not his contacts) and the photo, and confirms.
            await director.GotoAsync(itemUrl);
            await director.WaitForSelectorAsync($"#partner-offers .partner-name:has-text('{world.PartnerAr}')");
            Assert.DoesNotContain(world.Contact, await director.ContentAsync());
            await director.WaitForSelectorAsync("#item-history .evidence-link:has-text('خزان الماء.png')");
            var photo = await director.GotoAsync(await director.GetAttributeAsync("#item-history .evidence-link", "href") ?? "");
            Assert.Equal(200, photo!.Status);
            await director.GotoAsync(itemUrl);
            await Forms.PostAsync(director, "#do-confirm");
            await director.WaitForSelectorAsync("#item-status:has-text('مغلق')");
            await BrowserPortal.ScreenshotAsync(director, "register-done-07-confirmed.ar-MA");

            // Next year's sheet does not carry it as open.
            await director.GotoAsync("/Profiles");
            await StartSheetAsync(director, world.NextYearId);
            var nextSheet = director.Url[..director.Url.LastIndexOf('/')];
            await director.GotoAsync(nextSheet + "/Constraints");
            Assert.DoesNotContain(description, await director.InnerHTMLAsync("main"));
            await BrowserPortal.ScreenshotAsync(director, "register-done-08-next-sheet.ar-MA");
            await director.GotoAsync($"/Establishments/Details/{world.Establishment}");
            await director.WaitForSelectorAsync($"#establishment-items a[href='{itemUrl}']");
            Assert.Contains("مغلق", await director.InnerTextAsync($"#establishment-items tr:has(a[href='{itemUrl}'])"));

            // The register overview's resolution rate moved.
            await regional.GotoAsync("/Register/Overview");
            // One more item raised and one more resolved: the rate is recomputed from both (it stays put only when it was
            // already 100 %, which depends on what other journeys left in the register before this one).
            var (raisedAfter, resolvedAfter) = await OverviewCountsAsync(regional);
            Assert.Equal((raisedBefore + 1, resolvedBefore + 1), (raisedAfter, resolvedAfter));
            var rateAfter = await regional.InnerTextAsync("[data-figure=resolution-rate]");
            Assert.Equal(Math.Round(100m * resolvedAfter / raisedAfter, 1), decimal.Parse(rateAfter, CultureInfo.GetCultureInfo("ar-MA")));
            Assert.True(rateBefore == "—" || resolvedBefore < raisedBefore ? rateAfter != rateBefore : rateAfter == "100", $"rate {rateBefore} → {rateAfter}");
            Assert.Equal(answeredBefore + 1, int.Parse(await regional.InnerTextAsync("#covered-constraints"), CultureInfo.InvariantCulture));
            await BrowserPortal.ScreenshotAsync(regional, "register-done-09-overview-after.ar-MA");
            await Accessibility.AssertNoSeriousViolationsAsync(regional);
            await regional.GotoAsync("/Register/Overview");
            await Languages.SwitchAsync(regional, "fr");
            await BrowserPortal.ScreenshotAsync(regional, "register-done-09-overview-after.fr-MA");
            // The chart's axis counts items: whole steps, thousands apart by a narrow space (never "0,5" nor "1.000").
            await regional.WaitForSelectorAsync(".chart-holder canvas");
            var ticks = await regional.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.chart-holder canvas')].flatMap(c => Chart.getChart(c).scales.x.ticks.map(t => String(t.label)))");
            Assert.NotEmpty(ticks);
            Assert.All(ticks, tick => Assert.Matches("^[0-9\u202F]+$", tick));
        }
        finally
        {
            await TidyAsync(world);
        }
    }
}
