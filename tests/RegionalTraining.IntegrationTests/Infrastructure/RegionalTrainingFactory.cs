using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal on a real SQLite file of its own (migrated and seeded as at first start), with the demo
/// accounts, plus a second directorate so that "another directorate" can be tried. Open for factories that replace
/// a service or a setting (e.g. counting password checks, TwoFactorPortal); every other test shares one instance
/// through <see cref="PortalCollection"/>.
/// </summary>
public partial class RegionalTrainingFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026";
    public const string OtherStaffEmail = "staff@other.test";

    /// <summary>Test-only: the client address the portal sees (TestServer gives none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private static int s_lastClientNumber;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rt-it-" + Guid.NewGuid().ToString("N"));

    public string MailFolder => Path.Combine(_folder, "mail");

    public string DatabasePath => Path.Combine(_folder, "test.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment(Environment.GetEnvironmentVariable("RT_TEST_ENVIRONMENT") ?? "Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Seeding:Path", RepositoryPaths.Seeds);
        builder.UseSetting("Seeding:DemoAccounts", "true");
        // An empty directorate, whatever the environment: tests that want the demo data ask for it (DemoDataPortal).
        builder.UseSetting("Seeding:DemoData", "false");
        builder.UseSetting("Seeding:DemoPassword", Password);
        builder.UseSetting("Security:SecureCookies", "false");
        // The many tests that sign in as the demo administrator do it with the password alone.
        builder.UseSetting("Security:TwoFactor:RequiredRoles", "");
        builder.UseSetting("Email:PickupFolder", MailFolder);
        // The digest job would send at start and whenever a test's clock moves; its tests run it by hand.
        builder.UseSetting("Digests:Enabled", "false");
        // The access matrix asserts that refused requests write nothing; a session's "last seen" write would look
        // like one, so the tests' sessions are touched once a day (a real portal: every 5 minutes).
        builder.UseSetting("Security:Sessions:TouchInterval", "1.00:00:00");
        builder.UseSetting("Attachments:Folder", Path.Combine(_folder, "attachments"));
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_folder, "logs", "log-.json"));
        // Tests run from a build, not a publish, where MapStaticAssets would otherwise send no-cache on every file
        // (its development handling); this keeps the caching headers a published portal sends.
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");

        // The production limits stay in force; only the windows are stretched, so that a slow run never crosses a
        // window boundary in the middle of a test and a count reaches its limit whatever the machine's speed.
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "ForgotPasswordPerAddress", "ForgotPasswordPerAccount", "PublicArchivePerAddress", "ExportsPerAddress" })
        {
            builder.UseSetting($"RateLimiting:{limit}:Window", "02:00:00");
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>Adds directorate DR-OTHER with one province, one establishment and one staff member.</summary>
    public async Task<OtherDirectorate> EnsureOtherDirectorateAsync()
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.Establishments.Where(e => e.Code == "ISTA-OTHER").Select(e => e.Id).FirstOrDefaultAsync();
        if (existing == 0)
        {
            var directorate = new Directorate { Code = "DR-OTHER", NameFr = "Direction test", NameAr = "مديرية الاختبار" };
            var region = new Region { Code = "RG-OTHER", NameFr = "Région test", NameAr = "جهة الاختبار", Directorate = directorate };
            var province = new Province { Code = "PR-OTHER", NameFr = "Province test", NameAr = "إقليم الاختبار", Region = region };
            var establishment = new Establishment { Code = "ISTA-OTHER", NameFr = "ISTA test", NameAr = "معهد الاختبار", Type = EstablishmentType.ISTA, Province = province };
            establishment.RefreshSearchKey();
            db.Establishments.Add(establishment);
            await db.SaveChangesAsync();
            var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
            var created = await accounts.CreateAsync(new AccountInput(OtherStaffEmail, "Staff other", Roles.DirectorateStaff, directorate.Id, []), Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(";", created.Errors.Select(e => e.MessageKey)));
            }
        }

        return new OtherDirectorate(await db.Establishments.Where(e => e.Code == "ISTA-OTHER").Select(e => e.Id).SingleAsync());
    }

    public async Task<int> EstablishmentIdAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Establishments.Where(e => e.Code == code).Select(e => e.Id).SingleAsync();
    }

    /// <summary>A new account of DR-SUD with the given role and the test password; returns its id.</summary>
    public async Task<string> CreateMemberAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var south = await db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync();
        var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new AccountInput(email, "Test member", role, south, []), Password);
        Xunit.Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.MessageKey)));
        return created.Value!;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects, so tests see 302s and 403s as they are. Each
    /// client comes from an address of its own unless one is given, so no test uses up another's rate limits.
    /// </summary>
    public HttpClient NewClient(string? culture = "en", string? clientAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (culture is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        }

        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress ?? NewClientAddress());
        return client;
    }

    /// <summary>An address no other client has used in this test run (10.0.0.1, 10.0.0.2, …).</summary>
    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref s_lastClientNumber);
        return new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]).ToString();
    }

    public async Task<HttpClient> SignedInClientAsync(string email, string culture = "en")
    {
        var client = NewClient(culture);
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open is not worth failing a test run for; the folder is under /tmp.
        }
    }
}

public sealed record OtherDirectorate(int EstablishmentId);

/// <summary>
/// Test-only, first in the pipeline: takes the connection's address from <see cref="RegionalTrainingFactory.ClientAddressHeader"/>,
/// as a real connection would have one, so per-address rate limits can be tried and each test has its own buckets.
/// </summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[RegionalTrainingFactory.ClientAddressHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public static partial class HttpClientFormExtensions
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Opens the form page first, as a browser would, to get the antiforgery token, then posts.</summary>
    private const string ChangePasswordUrl = "/Account/ChangePassword";

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formUrl, string postUrl, IDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", await client.AntiforgeryTokenAsync(formUrl)) };
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The antiforgery token of a page's form. From a page without a form of its own (the menu's sign-out form has no
    /// token, decision 0037), the token anyone signed in can take from their password form, as someone forging a post
    /// to a page they may not see would.
    /// </summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string formUrl)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(formUrl));
        if (!token.Success && formUrl != ChangePasswordUrl)
        {
            token = TokenPattern().Match(await client.GetStringAsync(ChangePasswordUrl));
        }

        return token.Success
            ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {formUrl}");
    }

    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        if (!match.Success)
        {
            match = Regex.Match(html, $"value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        }

        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No field {name}");
    }
}

public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegionalTraining.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
        }
    }

    public static string Seeds => Path.Combine(Root, "seeds");
}
