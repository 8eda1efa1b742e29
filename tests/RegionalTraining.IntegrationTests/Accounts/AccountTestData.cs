using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>Accounts in each state a sign-in can meet, and the sign-in and reset forms as a browser posts them.</summary>
internal static partial class AccountTestData
{
    public static async Task<ApplicationUser> CreateAccountAsync(RegionalTrainingFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
        var establishment = await factory.EstablishmentIdAsync("CFP-TARFAYA");
        var result = await accounts.CreateAsync(new AccountInput(email, "Test director", Roles.EstablishmentDirector, null, [establishment]), RegionalTrainingFactory.Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.MessageKey)));
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(result.Value!))!;
    }

    /// <summary>Locked out as five wrong passwords would, through Identity's own counter (no clock needed).</summary>
    public static async Task LockOutAsync(RegionalTrainingFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        while (!await users.IsLockedOutAsync(user))
        {
            await users.AccessFailedAsync(user);
        }
    }

    /// <summary>Disabled as the Users page does it: flagged and locked for good.</summary>
    public static async Task DisableAsync(RegionalTrainingFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.IsDisabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static Task<HttpResponseMessage> ForgotPasswordAsync(HttpClient client, string email) =>
        client.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });

    /// <summary>The form-level error shown above the sign-in form, or null when there is none.</summary>
    public static string? FormError(string html)
    {
        var match = FormErrorPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    /// <summary>The page without its per-request parts (antiforgery tokens), to compare two answers.</summary>
    public static string WithoutTokens(string html) => TokenValue().Replace(html, "value=\"token\"");

    public static int EmailsTo(RegionalTrainingFactory factory, string email) =>
        Directory.Exists(factory.MailFolder)
            ? Directory.GetFiles(factory.MailFolder, "*.eml").Count(f => File.ReadAllText(f).Contains("To: " + email, StringComparison.OrdinalIgnoreCase))
            : 0;

    [GeneratedRegex(@"validation-summary-errors[^>]*>\s*<ul>\s*<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex FormErrorPattern();

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" )value=\"[^\"]*\"")]
    private static partial Regex TokenValue();
}
