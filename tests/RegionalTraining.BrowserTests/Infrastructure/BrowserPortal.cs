using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel port with its own SQLite file and demo accounts, and one headless Debian
/// Chromium driven by Playwright (no browser download: the machine's /usr/bin/chromium). An empty directorate
/// unless <see cref="DemoBrowserPortal"/> asks for the Development demo data.
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    public const string Password = "Browser-Password-2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rt-bt-" + Guid.NewGuid().ToString("N"));
    private readonly bool _demoData;
    private PortalFactory? _factory;
    private IPlaywright? _playwright;

    public BrowserPortal()
        : this(demoData: false)
    {
    }

    protected BrowserPortal(bool demoData) => _demoData = demoData;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotFolder => Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The portal's clock, which a journey may move on (see <see cref="ShiftableClock"/>).</summary>
    public ShiftableClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new PortalFactory(_folder, Clock, _demoData);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser profile in the given language, as a new visitor would arrive.</summary>
    public async Task<IPage> NewPageAsync(string locale = "ar-MA", int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = height },
            BaseURL = BaseUrl,
        });
        // A ceiling for waits on conditions, not a pause: on a busy 2-core machine a sign-in (PBKDF2) and the first
        // render of a page have taken more than 15 s, which failed runs by chance.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await Documents.MarkCurrentAsync(page);
        await page.ClickAsync("form[action='/Account/Login'] button[type=submit]");
        await Documents.WaitForNextAsync(page);
        if (page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            // Say what the sign-in page answered instead of only that it never went away.
            var answer = await page.Locator("main").InnerTextAsync();
            await ScreenshotAsync(page, "sign-in-refused");
            throw new InvalidOperationException($"Sign-in of {email} stayed on {page.Url}: {answer}");
        }
    }

    /// <summary>A fresh browser profile in the given language, signed in as the account.</summary>
    public async Task<IPage> SignedInPageAsync(string locale, string email, int height = 900)
    {
        var page = await NewPageAsync(locale, height);
        await SignInAsync(page, email);
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left under /tmp; not worth failing the run.
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegionalTraining.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    private sealed class PortalFactory(string folder, TimeProvider clock, bool demoData) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The demo portal runs as the README's command does: Development, where the demo data is seeded.
            builder.UseEnvironment(demoData ? "Development" : "Testing");
            builder.UseSetting("Seeding:DemoData", demoData ? "true" : "false");
            // The digest job would send e-mails whenever its hour passes during a run; journeys that read the
            // pickup folder must see only what they caused (the digest has its own integration tests).
            builder.UseSetting("Digests:Enabled", "false");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "browser.db")}");
            builder.UseSetting("Seeding:Path", Path.Combine(RepositoryRoot(), "seeds"));
            builder.UseSetting("Seeding:DemoAccounts", "true");
            builder.UseSetting("Seeding:DemoPassword", Password);
            builder.UseSetting("Security:SecureCookies", "false");
            // The journeys sign in as the demo accounts with the password alone; the two-factor journey enrols its own.
            builder.UseSetting("Security:TwoFactor:RequiredRoles", "");
            builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "mail"));
            builder.UseSetting("Attachments:Folder", Path.Combine(folder, "attachments"));
            builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(folder, "logs", "log-.json"));
            // Every browser test signs in from 127.0.0.1, so the whole run shares one per-address sign-in bucket; 20 a
            // minute would refuse the later journeys. Only this limit is raised: the others stay as in production.
            builder.UseSetting("RateLimiting:SignInPerAddress:PermitLimit", "10000");
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "Browser";
}

/// <summary>
/// The page crawl's own portal (an empty directorate, as <see cref="BrowserPortal"/>): the crawl only reads, so with a
/// portal of its own it runs beside the journeys of <see cref="BrowserCollection"/> instead of after them.
/// </summary>
public sealed class CrawlBrowserPortal() : BrowserPortal(demoData: false);

[CollectionDefinition(Name)]
public sealed class CrawlBrowserCollection : ICollectionFixture<CrawlBrowserPortal>
{
    public const string Name = "CrawlBrowser";
}

/// <summary>The portal with the Development demo data, as a newcomer's first start shows it (decision 0019).</summary>
public sealed class DemoBrowserPortal() : BrowserPortal(demoData: true)
{
    /// <summary>One id of the current training year's demo data (the query gets that year's start).</summary>
    public async Task<int> CurrentAsync(Func<AppDbContext, int, IQueryable<int>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var start = TrainingYear.StartYearFor(scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today);
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>(), start).SingleAsync();
    }

    /// <summary>The demo campaign of the current training year.</summary>
    public Task<int> CurrentCampaignAsync() =>
        CurrentAsync((db, start) => db.Campaigns.Where(c => c.TrainingYear!.StartYear == start).Select(c => c.Id));
}

[CollectionDefinition(Name)]
public sealed class DemoBrowserCollection : ICollectionFixture<DemoBrowserPortal>
{
    public const string Name = "DemoBrowser";
}
