using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// A Fortunes-style page (TechEmpower): MVC + Razor + EF Core on SQLite, 13 rows read, sorted and rendered, with no
// logging per request. tools/bench/run.sh serves it in the same run as the portal so that figures become ratios.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var database = builder.Configuration["Database"] ?? Path.Combine(Path.GetTempPath(), "rt-bench-reference.db");
builder.Services.AddControllersWithViews();
builder.Services.AddDbContextPool<FortuneDb>(o => o.UseSqlite($"Data Source={database}"));

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

public sealed class FortunesController(FortuneDb db) : Controller
{
    [HttpGet("/fortunes")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var fortunes = await db.Fortunes.AsNoTracking().ToListAsync(cancellationToken);
        return View(fortunes.OrderBy(f => f.Message, StringComparer.Ordinal).ToList());
    }
}
