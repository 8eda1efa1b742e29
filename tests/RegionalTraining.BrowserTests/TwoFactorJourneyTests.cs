using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(BrowserPortal portal)
{
    // An administrator of its own: the other journeys sign in as the demo administrator with the password alone.
    private const string Email = "twofactor.admin@demo.local";

    [Fact]
    public async Task Administrator_EnrolsAnAuthenticator_ThenSignsInWithACode_ThenWithARecoveryCode()
    {
        await CreateAdministratorAsync();
        var page = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(page, Email);

        // Enrolment, in Arabic: the secret is read from the page, as a person would type it into the app.
        await page.GotoAsync("/TwoFactor");
        await ShootAsync(page, "two-factor.status.ar-MA");
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("form[action='/TwoFactor/Start'] button[type=submit]"),
            url => url.EndsWith("/TwoFactor/Enable", StringComparison.Ordinal));
        var key = (await page.InnerTextAsync("#shared-key")).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.True(await page.EvaluateAsync<bool>("() => { const i = document.querySelector('img[src^=\"data:image/png\"]'); return i.complete && i.naturalWidth > 100; }"));
        await ShootAsync(page, "two-factor.enrol.ar-MA");
        await Languages.SwitchAsync(page, "fr");
        Assert.Equal("fr-MA", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(key, (await page.InnerTextAsync("#shared-key")).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        await ShootAsync(page, "two-factor.enrol.fr-MA");
        await page.FillAsync("#Code", CodeNow(key));
        await page.ClickAsync("form[action='/TwoFactor/Enable'] button[type=submit]");
        var codes = await page.Locator("#recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        await ShootAsync(page, "two-factor.recovery-codes.fr-MA");
        await SignOutAsync(page);

        // Sign-in with the code of the next step (the enrolment used this one), in French.
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        var french = await portal.NewPageAsync("fr-MA");
        await PasswordStepAsync(french);
        await ShootAsync(french, "two-factor.code.fr-MA");
        await french.FillAsync("#Code", CodeNow(key));
        await Documents.FollowAsync(
            french,
            () => french.ClickAsync("form[action^='/TwoFactorLogin'] button[type=submit]"),
            url => !url.Contains("/TwoFactorLogin", StringComparison.Ordinal));
        Assert.Equal(1, await french.Locator("form[action='/Account/Logout']").CountAsync());
        await SignOutAsync(french);

        // Sign-in with a recovery code, in Arabic.
        var arabic = await portal.NewPageAsync("ar-MA");
        await PasswordStepAsync(arabic);
        await ShootAsync(arabic, "two-factor.code.ar-MA");
        await Documents.FollowAsync(
            arabic,
            () => arabic.ClickAsync("a[href^='/TwoFactorLogin/Recovery']"),
            url => url.Contains("/TwoFactorLogin/Recovery", StringComparison.Ordinal));
        await ShootAsync(arabic, "two-factor.recovery.ar-MA");
        await arabic.FillAsync("#RecoveryCode", codes[0]);
        await Documents.FollowAsync(
            arabic,
            () => arabic.ClickAsync("form[action^='/TwoFactorLogin/Recovery'] button[type=submit]"),
            url => !url.Contains("/TwoFactorLogin", StringComparison.Ordinal));
        Assert.Equal(1, await arabic.Locator("form[action='/Account/Logout']").CountAsync());
        await french.Context.CloseAsync();
        await arabic.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private async Task CreateAdministratorAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new AccountInput(Email, "Administrateur 2FA", Roles.Administrator, null, []), BrowserPortal.Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.MessageKey)));
    }

    private string CodeNow(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(portal.Clock.GetUtcNow().UtcDateTime);

    private static async Task PasswordStepAsync(IPage page)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", Email);
        await page.FillAsync("#Password", BrowserPortal.Password);
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("form[action='/Account/Login'] button[type=submit]"),
            url => url.Contains("/TwoFactorLogin", StringComparison.Ordinal));
    }

    private static async Task SignOutAsync(IPage page)
    {
        // The journey is about two-factor sign-in, not the menu (SessionsJourneyTests opens it): posting the sign-out
        // form directly does not depend on the menu's folding animation having ended, which failed busy runs.
        await page.EvalOnSelectorAsync("form[action='/Account/Logout']", "form => form.requestSubmit()");
        await page.WaitForFunctionAsync("() => !document.querySelector(\"form[action='/Account/Logout']\")");
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        await BrowserPortal.ScreenshotAsync(page, name);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
