using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// A Fortunes-style page (TechEmpower): MVC + Razor + EF Core on SQLite, 13 rows read, sorted and rendered, with no
// logging per request. tools/bench/run.sh serves it in the same run as the portal so that figures become ratios.
// /same-size/{name} serves, through the same MVC and Razor, a page the bench saved from the portal (Pages, a folder),
// read into memory at its first request: what sending the portal's bytes costs a bare MVC page that computes nothing.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var database = builder.Configuration["Database"] ?? Path.Combine(Path.GetTempPath(), "rt-bench-reference.db");
builder.Services.AddControllersWithViews();
builder.Services.AddDbContextPool<FortuneDb>(o => o.UseSqlite($"Data Source={database}"));
builder.Services.AddSingleton(new SavedPages(builder.Configuration["Pages"]));

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FortuneDb>();
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
    db.Fortunes.AddRange(Enumerable.Range(1, 13).Select(i => new Fortune { Id = i, Message = $"Fortune n° {i}: <script>alert('{i}')</script> · حكمة {i}" }));
    await db.SaveChangesAsync();
}

app.MapControllers();
await app.RunAsync();

public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = string.Empty;
}

public sealed class FortuneDb(DbContextOptions<FortuneDb> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();
}

/// <summary>
/// The pages saved by the bench, each read into a string at its first request (the bench saves them after this
/// process has started) and then served from memory: the reference computes nothing for them.
/// </summary>
public sealed class SavedPages(string? folder)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> pages = new();

    public string? Find(string name)
    {
        if (pages.TryGetValue(name, out var page)) return page;
        var file = folder is null ? null : Path.Combine(folder, name + ".html");
        return file is not null && File.Exists(file) ? pages.GetOrAdd(name, _ => File.ReadAllText(file)) : null;
    }
}

public sealed class FortunesController(FortuneDb db, SavedPages saved) : Controller
{
    [HttpGet("/same-size/{name:regex(^[[a-z-]]+$)}")]
    public IActionResult SameSize(string name) => saved.Find(name) is { } page ? View(model: page) : NotFound();

    [HttpGet("/fortunes")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var fortunes = await db.Fortunes.AsNoTracking().ToListAsync(cancellationToken);
        return View(fortunes.OrderBy(f => f.Message, StringComparer.Ordinal).ToList());
    }
}
