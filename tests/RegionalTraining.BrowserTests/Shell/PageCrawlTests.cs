using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests.Shell;

/// <summary>
/// Every page a role can reach by following links, in Arabic and in French, on a phone's width: no serious or
/// critical axe violation, no horizontal overflow at 375 px, and HTML the W3C checker (vnu) finds no error in.
/// One visit per kind of page (ids folded), so a new page is checked as soon as a link leads to it.
/// </summary>
/// <remarks>
/// The slowest part of the browser suite, so: it has its own portal (its visits only read), which lets xUnit run it
/// beside the journeys instead of after them; and axe, the costliest check, runs once per distinct page: a page whose
/// main content is the same as one already checked in that language (another role sees the same page) is not checked
/// again, except the first page of each crawl, which checks that role's menu and layout.
/// </remarks>
[Collection(CrawlBrowserCollection.Name)]
public sealed partial class PageCrawlTests(CrawlBrowserPortal portal)
{
    // Distinct pages axe has checked in this run: language, kind of page and a hash of the main content.
    private static readonly ConcurrentDictionary<string, string> CheckedByAxe = new(StringComparer.Ordinal);

    private const int PhoneWidth = 375;
    private const int MaximumPagesPerCrawl = 80;

    // Links that act, download or leave the page kinds this test can judge.
    private static readonly string[] Skipped =
    [
        "/Account/Logout", "/Language/Set", "/Export", "/Template", "/attachments/", "feed.atom", "calendar.ics", ".csv", ".xlsx",
    ];

    public static TheoryData<string?, string> Crawls => new()
    {
        { null, "ar-MA" },
        { null, "fr-MA" },
        { "admin@demo.local", "ar-MA" },
        { "admin@demo.local", "fr-MA" },
        { "regional.director@demo.local", "ar-MA" },
        { "regional.director@demo.local", "fr-MA" },
        { "staff@demo.local", "ar-MA" },
        { "staff@demo.local", "fr-MA" },
        { "director.mirleft@demo.local", "ar-MA" },
        { "director.mirleft@demo.local", "fr-MA" },
    };

    [Theory]
    [MemberData(nameof(Crawls))]
    public async Task EveryReachablePage_OnAPhone_IsAccessibleValidAndFitsTheScreen(string? email, string locale)
    {
        var page = await portal.NewPageAsync(locale);
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        if (email is not null)
        {
            await portal.SignInAsync(page, email);
        }

        var label = (email?.Split('@')[0] ?? "anonymous") + "." + locale;
        var htmlFolder = Path.Combine(BrowserPortal.RepositoryRoot(), "artifacts", "html", label);
        if (Directory.Exists(htmlFolder))
        {
            Directory.Delete(htmlFolder, recursive: true);
        }

        Directory.CreateDirectory(htmlFolder);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/", "/archive"]);
        var visited = 0;
        while (queue.Count > 0 && visited < MaximumPagesPerCrawl)
        {
            var path = queue.Dequeue();
            if (!seen.Add(Kind(path)))
            {
                continue;
            }

            visited++;
            var response = await page.GotoAsync(path);
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{path}: answered {response?.Status}");
                continue;
            }

            if (!(await page.GetAttributeAsync("html", "lang") ?? string.Empty).StartsWith(locale[..2], StringComparison.Ordinal))
            {
                problems.Add($"{path}: not in {locale}");
            }

            var file = $"{visited:000}-{NotInName().Replace(path, "_").Trim('_')}";
            await File.WriteAllTextAsync(Path.Combine(htmlFolder, file[..Math.Min(file.Length, 100)] + ".html"), await response.TextAsync());
            if (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") is > 0 and var overflow)
            {
                problems.Add($"{path}: {overflow} px wider than a {PhoneWidth} px screen, because of {await page.EvaluateAsync<string>(WidestElement)}");
                await BrowserPortal.ScreenshotAsync(page, $"crawl.{label}.{visited:000}");
            }

            if (visited == 1 || CheckedByAxe.TryAdd(await DistinctPageAsync(page, locale, path), label))
            {
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{path}: axe {v}"));
            }

            foreach (var link in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.getAttribute('href'))"))
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !Skipped.Any(s => link.Contains(s, StringComparison.OrdinalIgnoreCase)))
                {
                    queue.Enqueue(link.Split('#')[0]);
                }
            }
        }

        problems.AddRange(await HtmlChecker.ErrorsAsync(htmlFolder));
        await page.Context.CloseAsync();
        Assert.True(visited > (email is null ? 3 : 6), $"{label}: only {visited} pages reached");
        Assert.True(problems.Count == 0, $"{label}, {visited} pages:\n" + string.Join("\n", problems));
    }

    // The outermost elements that stick out of the screen, so the message names what to fix.
    private const string WidestElement = """
        () => { function* ancestors(e) { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) yield a; }
          return [...document.querySelectorAll('body *')]
            .filter(e => getComputedStyle(e).position !== 'static' || ![...ancestors(e)].some(a => getComputedStyle(a).overflowX !== 'visible'))
            .filter(e => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 || r.left < -1; })
            .filter(e => { const p = e.parentElement.getBoundingClientRect(); return getComputedStyle(e).position !== 'static' || !(p.right > window.innerWidth + 1 || p.left < -1); })
            .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')).join(', '); }
        """;

    /// <summary>The language, the kind of page and a hash of its main content without the per-session tokens.</summary>
    private static async Task<string> DistinctPageAsync(IPage page, string locale, string path)
    {
        var main = await page.EvaluateAsync<string>("() => (document.querySelector('main') ?? document.body).outerHTML");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SessionToken().Replace(main, string.Empty))));
        return $"{locale} {Kind(path)} {hash}";
    }

    /// <summary>A kind of page: the path with its numbers and slugs folded, without the query (paging, filters).</summary>
    private static string Kind(string path)
    {
        var withoutQuery = path.Split('?')[0];
        var folded = Number().Replace(withoutQuery, "/{id}");
        return ArchiveSlug().Replace(folded, "/archive/{slug}");
    }

    // The anti-forgery token and script nonces differ for every session; the page around them does not.
    [GeneratedRegex(@"(?:value=""CfDJ8[^""]*""|nonce=""[^""]*"")")]
    private static partial Regex SessionToken();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotInName();

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Number();

    [GeneratedRegex(@"/archive/(?!feed\.atom|calendar\.ics)[^/]+")]
    private static partial Regex ArchiveSlug();
}

/// <summary>The W3C Nu HTML checker (vnu.jar from the npm registry, installed by test.sh), run once over a folder.</summary>
public static class HtmlChecker
{
    public static string JarPath => Path.Combine(BrowserPortal.RepositoryRoot(), "artifacts", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static async Task<IReadOnlyList<string>> ErrorsAsync(string folder)
    {
        Assert.True(File.Exists(JarPath), $"The HTML checker is missing ({JarPath}): run ./test.sh, which installs it (npm vnu-jar, Java 17).");
        var start = new ProcessStartInfo("java", ["-jar", JarPath, "--errors-only", "--format", "json", "--exit-zero-always", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = await output;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() : "?")}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: html {m.GetProperty("message").GetString()} — {(m.TryGetProperty("extract", out var extract) ? extract.GetString() : string.Empty)}")
            .ToList();
    }
}
