using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

// Load test of the identity sheet's section saves (issue 9): many clients saving sections of the same profiles
// over real HTTP against the portal on SQLite. See docs/operations.md, "Load test of section saves".
//   dotnet run -c Release --project tools/profile-load -- [--mode different|same|both] [--clients 50] [--seconds 60]
internal static class ProfileLoadTest
{
    public static async Task<int> Main(string[] args)
    {
        var mode = Option(args, "--mode") ?? "both";
        var clients = int.Parse(Option(args, "--clients") ?? "50", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);

        var folder = Path.Combine(Path.GetTempPath(), "rt-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var ok = true;
        using (var portal = new Portal(folder))
        {
            portal.UseKestrel(0);
            portal.StartServer();
            var baseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
            var world = await World.CreateAsync(portal.Services, profiles: (clients + 5) / 6);
            var cookies = await SignInAsync(baseUrl);
            if (mode is "different" or "both")
            {
                ok &= await DifferentSectionsAsync(baseUrl, cookies, world, portal.Services, clients, TimeSpan.FromSeconds(seconds));
            }

            if (mode is "same" or "both")
            {
                ok &= await SameSectionAsync(baseUrl, cookies, world, portal.Services, clients, TimeSpan.FromSeconds(seconds));
            }
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open is not worth failing the run for; the folder is under /tmp.
        }

        return ok ? 0 : 1;
    }


    static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    // One client per (profile, section): nobody else writes what a client writes, so every refusal is a false
    // conflict, and at the end each section must hold its client's last successful write.
    static async Task<bool> DifferentSectionsAsync(string baseUrl, CookieContainer cookies, World world, IServiceProvider services, int clients, TimeSpan duration)
    {
        var sections = Enum.GetValues<ProfileSection>();
        var writers = Enumerable.Range(0, clients).Select(i => new Writer(i, world.Profiles[i / sections.Length], sections[i % sections.Length], Client(baseUrl, cookies))).ToList();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(writers.Select(async w =>
        {
            while (stopwatch.Elapsed < duration)
            {
                var outcome = await w.SaveAsync(world.ProgrammeId);
                w.Count(outcome);
            }
        }));
        var lost = 0;
        foreach (var w in writers.Where(w => w.LastSaved > 0))
        {
            lost += await StoredAsync(services, w.ProfileId, w.Section) == Expected(w.Index, w.LastSaved, w.Section) ? 0 : 1;
        }

        var saves = writers.Sum(w => w.Saved);
        var falseConflicts = writers.Sum(w => w.Refused);
        var errors = writers.Sum(w => w.Errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"different sections: {clients} clients on {writers.Select(w => w.ProfileId).Distinct().Count()} profiles, {duration.TotalSeconds:0} s: saves {saves} ({saves / duration.TotalSeconds:0.0}/s), errors {errors}, lost updates {lost}, false conflicts {falseConflicts}"));
        return errors == 0 && lost == 0 && falseConflicts == 0;
    }

    // Clients in pairs on the same section: both read the page (the same token), both save at once. Exactly one of
    // each round must be refused, and the section must hold the last save that was accepted.
    static async Task<bool> SameSectionAsync(string baseUrl, CookieContainer cookies, World world, IServiceProvider services, int clients, TimeSpan duration)
    {
        var sections = Enum.GetValues<ProfileSection>();
        var pairs = Enumerable.Range(0, clients / 2).Select(p =>
        {
            var profile = world.Profiles[p / sections.Length];
            var section = sections[p % sections.Length];
            return (First: new Writer(2 * p, profile, section, Client(baseUrl, cookies)), Second: new Writer((2 * p) + 1, profile, section, Client(baseUrl, cookies)));
        }).ToList();
        var stopwatch = Stopwatch.StartNew();
        var doubleWins = 0;
        var lastWinner = new (int Index, int Save)[pairs.Count];
        await Task.WhenAll(pairs.Select(async (pair, p) =>
        {
            while (stopwatch.Elapsed < duration)
            {
                var pages = await Task.WhenAll(pair.First.OpenAsync(), pair.Second.OpenAsync());
                var outcomes = await Task.WhenAll(pair.First.PostAsync(pages[0], world.ProgrammeId), pair.Second.PostAsync(pages[1], world.ProgrammeId));
                pair.First.Count(outcomes[0]);
                pair.Second.Count(outcomes[1]);
                if (outcomes.All(o => o == Outcome.Saved))
                {
                    Interlocked.Increment(ref doubleWins);
                }

                var winner = outcomes[0] == Outcome.Saved ? pair.First : outcomes[1] == Outcome.Saved ? pair.Second : null;
                if (winner is not null)
                {
                    lastWinner[p] = (winner.Index, winner.LastSaved);
                }
            }
        }));
        var lost = 0;
        for (var p = 0; p < pairs.Count; p++)
        {
            if (lastWinner[p].Save > 0)
            {
                lost += await StoredAsync(services, pairs[p].First.ProfileId, pairs[p].First.Section) == Expected(lastWinner[p].Index, lastWinner[p].Save, pairs[p].First.Section) ? 0 : 1;
            }
        }

        var all = pairs.SelectMany(p => new[] { p.First, p.Second }).ToList();
        var attempts = all.Sum(w => w.Saved + w.Refused + w.Errors);
        var refused = all.Sum(w => w.Refused);
        var errors = all.Sum(w => w.Errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"same section: {clients} clients in {pairs.Count} pairs, {duration.TotalSeconds:0} s: saves {all.Sum(w => w.Saved)}, refused {refused} of {attempts} ({100.0 * refused / Math.Max(1, attempts):0.0} %), errors {errors}, lost updates {lost}, both saves of a round accepted {doubleWins}"));
        return errors == 0 && lost == 0 && doubleWins == 0 && refused * 2 == attempts;
    }

    static string Expected(int client, int save, ProfileSection section) => section switch
    {
        ProfileSection.General => $"{Value(client, save)}",
        ProfileSection.HumanResources or ProfileSection.MaterialResources or ProfileSection.Programmes => $"{Value(client, save) % 100_000}",
        _ => Text(client, save),
    };

    static int Value(int client, int save) => (client * 100_000) + save;

    static string Text(int client, int save) => string.Create(CultureInfo.InvariantCulture, $"client {client} save {save}");

    static async Task<string?> StoredAsync(IServiceProvider services, int profileId, ProfileSection section)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Programmes).SingleAsync(p => p.Id == profileId);
        return section switch
        {
            ProfileSection.General => profile.SiteAreaSquareMetres?.ToString(CultureInfo.InvariantCulture),
            ProfileSection.HumanResources => profile.PermanentTrainers?.ToString(CultureInfo.InvariantCulture),
            ProfileSection.MaterialResources => profile.Computers?.ToString(CultureInfo.InvariantCulture),
            ProfileSection.Programmes => profile.Programmes.Single().Groups.ToString(CultureInfo.InvariantCulture),
            ProfileSection.Needs => await db.Needs.Where(n => n.ProfileId == profileId).Select(n => n.Description).SingleAsync(),
            _ => await db.Constraints.Where(c => c.ProfileId == profileId).Select(c => c.Description).SingleAsync(),
        };
    }

    static HttpClient Client(string baseUrl, CookieContainer signedIn)
    {
        var cookies = new CookieContainer();
        cookies.Add(signedIn.GetAllCookies());
        return new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 4 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(100),
            DefaultRequestHeaders = { AcceptLanguage = { new("fr-MA") } },
        };
    }

    // One sign-in, shared by every client as the same person would have several tabs open.
    static async Task<CookieContainer> SignInAsync(string baseUrl)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = World.Director, ["Password"] = Portal.Password, ["__RequestVerificationToken"] = Writer.Hidden(page, "__RequestVerificationToken"),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        }

        return cookies;
    }
}

internal enum Outcome
{
    Saved,
    Refused,
    Error,
}

/// <summary>A client that saves one section of one profile, each time with values that say who wrote them and when.</summary>
internal sealed partial class Writer(int index, int profileId, ProfileSection section, HttpClient client)
{
    private static int s_errorsShown;

    public int Index => index;

    public int ProfileId => profileId;

    public ProfileSection Section => section;

    public int Saved { get; private set; }

    public int Refused { get; private set; }

    public int Errors { get; private set; }

    /// <summary>The number of this client's last accepted save (0: none yet).</summary>
    public int LastSaved { get; private set; }

    private int _next;

    public async Task<Outcome> SaveAsync(int programmeId)
    {
        var page = await OpenAsync();
        return page is null ? Outcome.Error : await PostAsync(page, programmeId);
    }

    public async Task<string?> OpenAsync()
    {
        var response = await client.GetAsync($"/Profiles/{profileId}/{section}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : Report(response.StatusCode, null);
    }

    public async Task<Outcome> PostAsync(string? page, int programmeId)
    {
        if (page is null)
        {
            return Outcome.Error;
        }

        var save = Interlocked.Increment(ref _next);
        var fields = Fields(save, programmeId);
        fields["Version"] = Hidden(page, "Version");
        fields["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken");
        var response = await client.PostAsync($"/Profiles/{profileId}/{section}", new FormUrlEncodedContent(fields));
        switch (response.StatusCode)
        {
            case HttpStatusCode.Redirect:
                LastSaved = Math.Max(LastSaved, save);
                return Outcome.Saved;
            case HttpStatusCode.Conflict:
                return Outcome.Refused;
            default:
                Report(response.StatusCode, await response.Content.ReadAsStringAsync());
                return Outcome.Error;
        }
    }

    public void Count(Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Saved:
                Saved++;
                break;
            case Outcome.Refused:
                Refused++;
                break;
            default:
                Errors++;
                break;
        }
    }

    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No field {name}");
    }

    private Dictionary<string, string> Fields(int save, int programmeId)
    {
        var value = ((index * 100_000) + save).ToString(CultureInfo.InvariantCulture);
        var small = (((index * 100_000) + save) % 100_000).ToString(CultureInfo.InvariantCulture);
        var text = string.Create(CultureInfo.InvariantCulture, $"client {index} save {save}");
        return section switch
        {
            ProfileSection.General => new() { ["SiteAreaSquareMetres"] = value, ["AddressFr"] = text },
            ProfileSection.HumanResources => new() { ["PermanentTrainers"] = small, ["PermanentTrainersWomen"] = "0" },
            ProfileSection.MaterialResources => new() { ["Computers"] = small, ["Equipment[0].Name"] = text, ["Equipment[0].Quantity"] = "1", ["Equipment[0].Condition"] = "Working" },
            ProfileSection.Programmes => new()
            {
                ["Programmes[0].ProgrammeId"] = programmeId.ToString(CultureInfo.InvariantCulture), ["Programmes[0].Groups"] = small, ["Programmes[0].Capacity"] = "1000",
            },
            ProfileSection.Needs => new() { ["Needs[0].Description"] = text, ["Needs[0].Category"] = "Equipment", ["Needs[0].Priority"] = "High" },
            _ => new() { ["Constraints[0].Description"] = text, ["Constraints[0].Category"] = "Infrastructure", ["Constraints[0].Severity"] = "Moderate" },
        };
    }

    private string? Report(HttpStatusCode status, string? body)
    {
        if (Interlocked.Increment(ref s_errorsShown) <= 5)
        {
            Console.Error.WriteLine($"client {index} {section}: HTTP {(int)status} {body?[..Math.Min(body.Length, 300)]}");
        }

        return null;
    }
}

/// <summary>A director of several establishments, each with this year's sheet started under an open campaign.</summary>
internal sealed record World(IReadOnlyList<int> Profiles, int ProgrammeId)
{
    public const string Director = "load.director@test.local";

    public static async Task<World> CreateAsync(IServiceProvider services, int profiles)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today;
        var startYear = TrainingYear.StartYearFor(today);
        var year = await db.TrainingYears.SingleAsync(y => y.StartYear == startYear);
        var establishments = await db.Establishments.OrderBy(e => e.Id).Take(profiles)
            .Select(e => new { e.Id, e.Province!.Region!.DirectorateId }).ToListAsync();
        if (establishments.Count < profiles)
        {
            throw new InvalidOperationException($"Only {establishments.Count} establishments for {profiles} profiles: use fewer clients.");
        }

        foreach (var directorate in establishments.Select(e => e.DirectorateId).Distinct())
        {
            if (!await db.Campaigns.AnyAsync(c => c.DirectorateId == directorate && c.TrainingYearId == year.Id))
            {
                db.Campaigns.Add(new CollectionCampaign { DirectorateId = directorate, TrainingYearId = year.Id, OpensOn = today.AddDays(-1), Deadline = today.AddDays(30) });
            }
        }

        await db.SaveChangesAsync();
        var ids = establishments.Select(e => e.Id).ToList();
        var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new AccountInput(Director, "Directeur de charge", Roles.EstablishmentDirector, null, ids), Portal.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the director: " + string.Join("; ", created.Errors.Select(e => e.MessageKey)));
        }

        var userId = await db.Users.Where(u => u.Email == Director).Select(u => u.Id).SingleAsync();
        var access = new AccessScope(userId, new HashSet<string> { Roles.EstablishmentDirector }, null, ids.ToHashSet());
        var service = scope.ServiceProvider.GetRequiredService<IProfileService>();
        var started = new List<int>();
        foreach (var id in ids)
        {
            var result = await service.StartAsync(access, id, year.Id);
            started.Add(result.Succeeded ? result.Value : throw new InvalidOperationException($"Could not start a profile: {result.Status}"));
        }

        return new World(started, await db.Programmes.Where(p => p.IsActive).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
    }
}

/// <summary>The real portal on a SQLite file of its own, seeded as at first start, on a real port.</summary>
internal sealed class Portal(string folder) : WebApplicationFactory<Program>
{
    public const string Password = "Load-Test-Password-2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = FindRoot();
        builder.UseContentRoot(Path.Combine(root, "src", "RegionalTraining.Web"));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "load.db")}");
        builder.UseSetting("Seeding:Path", Path.Combine(root, "seeds"));
        builder.UseSetting("Seeding:DemoAccounts", "false");
        builder.UseSetting("Security:SecureCookies", "false");
        builder.UseSetting("Security:TwoFactor:RequiredRoles", "");
        builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "mail"));
        builder.UseSetting("Attachments:Folder", Path.Combine(folder, "attachments"));
        // Refused saves are logged as warnings by design; the tool prints its own counts.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Error");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(folder, "logs", "log-.json"));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegionalTraining.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
