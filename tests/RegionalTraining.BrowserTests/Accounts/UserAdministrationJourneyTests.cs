using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("ar-MA", "يجب أن يدير مدير المؤسسة مؤسسةً واحدة على الأقل")]
    [InlineData("fr-MA", "Un directeur d'établissement doit diriger au moins un établissement")]
    public async Task Administrator_MakingSomeoneADirectorWithoutEstablishment_SeesWhyUnderTheField_AndNothingIsSaved(string locale, string why)
    {
        var page = await portal.NewPageAsync(locale);
        await portal.SignInAsync(page, "admin@demo.local");
        await page.GotoAsync("/Users");
        await Documents.FollowAsync(
            page,
            () => page.Locator("tr", new() { HasText = "staff@demo.local" }).Locator("a[href*='/Users/Edit/']").First.ClickAsync(),
            url => url.Contains("/Users/Edit/", StringComparison.Ordinal));
        var edit = page.Url;

        await page.FillAsync("#DisplayName", "Nom tapé à garder");
        await page.SelectOptionAsync("#Role", "EstablishmentDirector");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main form button[type=submit]"), r => r.Request.Method == "POST");
        await page.Locator(".field-validation-error").First.WaitForAsync();
        await BrowserPortal.ScreenshotAsync(page, $"user-edit-error.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        Assert.Equal(422, response.Status);
        Assert.Contains(why, await page.InnerTextAsync("main"));
        Assert.Equal("Nom tapé à garder", await page.InputValueAsync("#DisplayName"));
        await page.GotoAsync(edit);
        Assert.NotEqual("Nom tapé à garder", await page.InputValueAsync("#DisplayName"));
        await page.Context.CloseAsync();
    }
}
