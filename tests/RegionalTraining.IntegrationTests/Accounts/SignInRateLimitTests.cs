using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using static RegionalTraining.IntegrationTests.Accounts.AccountTestData;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>Sign-in and password-reset requests are limited per client address and per e-mail address.</summary>
[Collection(PortalCollection.Name)]
public sealed class SignInRateLimitTests(RegionalTrainingFactory factory)
{
    private RateLimitingOptions Limits => factory.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;

    [Fact]
    public async Task SignIn_TwentyFirstPostFromOneAddress_Gets429WithRetryAfterAndALocalizedPage()
    {
        Assert.Equal(20, Limits.SignInPerAddress.PermitLimit);
        var address = RegionalTrainingFactory.NewClientAddress();
        var client = factory.NewClient("ar-MA", address);
        for (var i = 0; i < 20; i++)
        {
            // A different e-mail each time, so that only the per-address limit can be reached.
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, $"guess{i}@flood.test", "not-the-password")).StatusCode);
        }

        var refused = await SignInAsync(client, "guess20@flood.test", "not-the-password");
        var inFrench = await client.PostFormAsync("/Account/Login", "/Account/Login?culture=fr-MA", new Dictionary<string, string> { ["Email"] = "x@flood.test", ["Password"] = "x" });
        var otherAddress = await SignInAsync(factory.NewClient(), "guess20@flood.test", "not-the-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) > 0);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"ar-MA\"", page);
        Assert.Contains("انتظر بضع دقائق ثم أعد المحاولة. تُقيَّد الطلبات الكثيرة في وقت قصير لحماية البوابة وحساباتها.", page);
        Assert.Equal(HttpStatusCode.TooManyRequests, inFrench.StatusCode);
        Assert.Contains("Patientez quelques minutes, puis réessayez. Les demandes répétées en peu de temps sont freinées", await inFrench.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_AfterTenFailuresForOneEmailFromManyAddresses_Gets429ForThatEmailOnly(bool accountExists)
    {
        var email = $"per-account-{accountExists}@test.local";
        if (accountExists)
        {
            await CreateAccountAsync(factory, email);
        }

        Assert.Equal(10, Limits.SignInPerAccount.PermitLimit);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(factory.NewClient(), email, "wrong-password-" + i)).StatusCode);
        }

        var client = factory.NewClient();
        // Refused before the password is looked at: the right one fares no better.
        var refused = await SignInAsync(client, email.ToUpperInvariant(), RegionalTrainingFactory.Password);
        var otherEmail = await SignInAsync(client, $"other-{email}", "wrong-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Many requests in a short time are held back", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, otherEmail.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_OverThePerAccountLimit_WritesNoMoreEmailsAndShowsTheSamePage()
    {
        const string email = "reset-flood@test.local";
        await CreateAccountAsync(factory, email);
        var limit = Limits.ForgotPasswordPerAccount.PermitLimit;
        Assert.Equal(3, limit);

        var pages = new List<(HttpStatusCode Status, string Html)>();
        for (var i = 0; i <= limit; i++)
        {
            var response = await ForgotPasswordAsync(factory.NewClient(), email);
            pages.Add((response.StatusCode, WithoutTokens(await response.Content.ReadAsStringAsync())));
        }

        Assert.Equal(limit, EmailsTo(factory, email));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Contains("If an account exists for this address", pages[^1].Html);
        Assert.Equal(pages[0].Html, pages[^1].Html);
    }

    [Fact]
    public async Task ForgotPassword_OverThePerAddressLimit_Gets429()
    {
        var client = factory.NewClient("fr-MA");
        var limit = Limits.ForgotPasswordPerAddress.PermitLimit;
        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ForgotPasswordAsync(client, $"nobody{i}@reset-flood.test")).StatusCode);
        }

        var refused = await ForgotPasswordAsync(client, "nobody@reset-flood.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Patientez quelques minutes, puis réessayez.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LockedOutAccount_ResetsItsPasswordThenSignsIn()
    {
        const string email = "locked-reset@test.local";
        await CreateAccountAsync(factory, email);
        await LockOutAsync(factory, email);
        var client = factory.NewClient();

        await ForgotPasswordAsync(client, email);
        var mail = Directory.GetFiles(factory.MailFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains("To: " + email));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail, @"http://\S+").Value);
        var form = await client.GetStringAsync(link.PathAndQuery);
        await client.PostFormAsync(link.PathAndQuery, "/Account/ResetPassword", new Dictionary<string, string>
        {
            ["UserId"] = HttpClientFormExtensions.HiddenValue(form, "UserId"),
            ["Code"] = HttpClientFormExtensions.HiddenValue(form, "Code"),
            ["Password"] = "a new passphrase after lockout",
            ["ConfirmPassword"] = "a new passphrase after lockout",
        });
        var signIn = await SignInAsync(factory.NewClient(), email, "a new passphrase after lockout");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
