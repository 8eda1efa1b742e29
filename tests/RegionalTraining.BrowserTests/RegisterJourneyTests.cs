using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// A constraint from raised to closed: staff acknowledge and assign it (in French), the Mirleft director sees it on
/// his establishment's page (in Arabic), staff resolve it, the director confirms it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegisterJourneyTests(BrowserPortal portal)
{
    private async Task<(int Item, int Establishment)> SeedAsync(string description)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var establishment = await db.Establishments.Where(e => e.Code == "ISTA-FEB-MIRLEFT").Select(e => e.Id).SingleAsync();
        var item = new Constraint { EstablishmentId = establishment, Description = description, Category = NeedCategory.BoardingAndTransport, Severity = Severity.Serious };
        db.Constraints.Add(item);
        await db.SaveChangesAsync();
        return (item.Id, establishment);
    }

    [Fact]
    public async Task StaffAssignsAndResolves_DirectorSeesItInArabicAndConfirms()
    {
        var description = "Internat : raccordement à l'eau potable " + Guid.NewGuid().ToString("N")[..4];
        var (item, establishment) = await SeedAsync(description);
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);
        var staff = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(staff, "staff@demo.local");

        await staff.GotoAsync($"/Register?establishment={establishment}&kind=Constraint");
        await staff.WaitForSelectorAsync($"a[href='/Register/Constraint/{item}']");
        await BrowserPortal.ScreenshotAsync(staff, "register.fr-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await staff.ClickAsync($"a[href='/Register/Constraint/{item}']");
        await staff.ClickAsync("#do-acknowledge");
        await staff.WaitForSelectorAsync("#form-assign");
        await staff.SelectOptionAsync("#assign-owner", "Directorate");
        await staff.FillAsync("#assign-due", today.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.FillAsync("#assign-plan", "Citerne de 20 m³ et raccordement au réseau communal");
        await staff.ClickAsync("#do-assign");
        await staff.WaitForSelectorAsync("#item-status:has-text('En cours')");
        await BrowserPortal.ScreenshotAsync(staff, "register-item.fr-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        var director = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(director, "director.mirleft@demo.local");
        await director.GotoAsync($"/Establishments/Details/{establishment}");
        await director.WaitForSelectorAsync($"#establishment-items a[href='/Register/Constraint/{item}']");
        Assert.Contains("قيد المعالجة", await director.InnerTextAsync("#establishment-items"));
        await BrowserPortal.ScreenshotAsync(director, "register-establishment.ar-MA");
        await director.ClickAsync($"#establishment-items a[href='/Register/Constraint/{item}']");
        await director.FillAsync("#comment-text", "شكرا، الأمر مستعجل قبل الصيف");
        await director.ClickAsync("#do-comment");
        await director.WaitForSelectorAsync("#item-history:has-text('الأمر مستعجل')");
        await BrowserPortal.ScreenshotAsync(director, "register-item.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(director);

        await staff.ReloadAsync();
        await staff.FillAsync("#resolve-text", "Citerne installée et raccordée");
        await staff.FillAsync("#resolve-on", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.ClickAsync("#do-resolve");
        await staff.WaitForSelectorAsync("#item-status:has-text('Résolu')");

        await director.ReloadAsync();
        await director.ClickAsync("#do-confirm");
        await director.WaitForSelectorAsync("#item-status:has-text('مغلق')");
        await BrowserPortal.ScreenshotAsync(director, "register-item-closed.ar-MA");

        await staff.GotoAsync("/Register/Raise");
        await BrowserPortal.ScreenshotAsync(staff, "register-raise.fr-MA");
        await director.GotoAsync($"/Establishments/Details/{establishment}");
        await director.WaitForSelectorAsync("#establishment-items");
        var arabicRegister = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(arabicRegister, "regional.director@demo.local");
        await arabicRegister.GotoAsync($"/Register?establishment={establishment}");
        await arabicRegister.WaitForSelectorAsync($"a[href='/Register/Constraint/{item}']");
        await BrowserPortal.ScreenshotAsync(arabicRegister, "register.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(arabicRegister);
    }
}
