using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// The cooperation board in Arabic: staff add a partner and its offer, open the suggestions, link the offer to a
/// need of Mirleft, and the need's page shows the partner (to the director too, without contacts).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CooperationJourneyTests(BrowserPortal portal)
{
    private async Task<int> NeedAsync(string description)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var establishment = await db.Establishments.Where(e => e.Code == "ISTA-FEB-MIRLEFT").Select(e => e.Id).SingleAsync();
        var need = new Need { EstablishmentId = establishment, Description = description, Category = NeedCategory.Equipment, Priority = Priority.High, EstimatedCostMad = 180_000m };
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    }

    [Fact]
    public async Task StaffAddsAPartnerAndItsOffer_LinksItToANeed_TheNeedShowsThePartner()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var need = await NeedAsync("آلات الخراطة لورشة الميكانيك " + suffix);
        var partnerName = "Coopérative Atlas Métal " + suffix;
        var partnerNameAr = "تعاونية الأطلس للمعادن " + suffix;
        var staff = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(staff, "staff@demo.local");

        await staff.GotoAsync("/Cooperation");
        await staff.ClickAsync("#new-partner");
        await staff.SelectOptionAsync("#Kind", "Company");
        await staff.FillAsync("#NameFr", partnerName);
        await staff.FillAsync("#NameAr", partnerNameAr);
        await staff.SelectOptionAsync("#ProvinceId", new Microsoft.Playwright.SelectOptionValue { Label = "سيدي إفني" });
        await staff.FillAsync("#contact-0-name", "السيد أحمد بناني");
        await staff.FillAsync("#contact-0-role", "المدير");
        await staff.FillAsync("#contact-0-phone", "+212 661 00 11 22");
        await BrowserPortal.ScreenshotAsync(staff, "cooperation-partner-form.ar-MA");
        await staff.ClickAsync("#save-partner");
        await staff.WaitForSelectorAsync("#partner-contacts:has-text('السيد أحمد بناني')");
        await BrowserPortal.ScreenshotAsync(staff, "cooperation-partner.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        await staff.ClickAsync("#new-offer");
        await staff.SelectOptionAsync("#Kind", "Equipment");
        await staff.FillAsync("#Description", "مخرطتان مستعملتان في حالة جيدة");
        await staff.FillAsync("#Quantity", "٢");
        await staff.FillAsync("#Unit", "آلة");
        await staff.FillAsync("#ValueMad", "90000");
        await staff.ClickAsync("#save-offer");
        await staff.WaitForSelectorAsync($"#suggested-items li[data-item='Need-{need}']");
        await BrowserPortal.ScreenshotAsync(staff, "cooperation-suggestions.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        var offerUrl = staff.Url;

        await staff.ClickAsync($"#suggested-items li[data-item='Need-{need}'] .link-item");
        await staff.WaitForSelectorAsync($"#linked-items a[href='/Register/Need/{need}']");
        await staff.GotoAsync($"/Register/Need/{need}");
        await staff.WaitForSelectorAsync($"#partner-offers:has-text('{partnerNameAr}')");
        await BrowserPortal.ScreenshotAsync(staff, "cooperation-need.ar-MA");
        await staff.GotoAsync("/Cooperation");
        await BrowserPortal.ScreenshotAsync(staff, "cooperation-board.ar-MA");
        // A figure written left to right still sits on the reading side of its card or cell, under its label: "60 %" sat
        // at the far left of a card whose label was at the right.
        var misaligned = await staff.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main .ltr-value')].filter(e => getComputedStyle(e).display !== 'inline' && getComputedStyle(e).textAlign !== 'right').map(e => e.outerHTML)");
        Assert.Empty(misaligned);
        Assert.True(await staff.Locator("main div.ltr-value").CountAsync() > 0, "The board shows no figure to check.");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        var director = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(director, "director.mirleft@demo.local");
        await director.GotoAsync($"/Register/Need/{need}");
        await director.WaitForSelectorAsync($"#partner-offers:has-text('{partnerNameAr}')");
        Assert.DoesNotContain("أحمد بناني", await director.ContentAsync());

        var french = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(french, "staff@demo.local");
        await french.GotoAsync("/Cooperation");
        await BrowserPortal.ScreenshotAsync(french, "cooperation-board.fr-MA");
        await french.GotoAsync(offerUrl);
        await french.WaitForSelectorAsync($"#linked-items a[href='/Register/Need/{need}']");
        await BrowserPortal.ScreenshotAsync(french, "cooperation-suggestions.fr-MA");
        await french.GotoAsync($"/Register/Need/{need}");
        await french.WaitForSelectorAsync($"#partner-offers:has-text('{partnerName}')");
        await BrowserPortal.ScreenshotAsync(french, "cooperation-need.fr-MA");
        await french.GotoAsync("/Partners/Create");
        await BrowserPortal.ScreenshotAsync(french, "cooperation-partner-form.fr-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(french);
    }
}
