// Measures what checking a server-side session costs per request, against a plain primary-key lookup of the user,
// each with a fresh DbContext as a request has. Run: dotnet run -c Release --project tools/session-check
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;

var path = Path.Combine(Path.GetTempPath(), "sessbench.db");
File.Delete(path);
var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;
await using (var db = new AppDbContext(options))
{
    await db.Database.EnsureCreatedAsync();
    for (var i = 0; i < 1000; i++) db.Users.Add(new ApplicationUser { Id = $"u{i}", UserName = $"u{i}", Email = $"u{i}@x", SecurityStamp = $"s{i}" });
    await db.SaveChangesAsync();
}
var sessionOptions = new UserSessionOptions();
var ids = new List<(string, string)>();
await using (var db = new AppDbContext(options))
{
    var s = new UserSessions(db, TimeProvider.System, sessionOptions, NullLogger<UserSessions>.Instance);
    for (var i = 0; i < 10000; i++) ids.Add((await s.StartAsync($"u{i % 1000}", $"s{i % 1000}", false, "ua", "1.2.3.4"), $"u{i % 1000}"));
}
for (var round = 0; round < 3; round++)
{
    const int n = 20000;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < n; i++)
    {
        // A new context per call, as each request has its own.
        await using var db = new AppDbContext(options);
        var s = new UserSessions(db, TimeProvider.System, sessionOptions, NullLogger<UserSessions>.Instance);
        var (id, user) = ids[i % ids.Count];
        if (!await s.IsOpenAsync(id, user)) throw new Exception("closed");
    }
    var sessionMicros = sw.Elapsed.TotalMicroseconds / n;
    sw.Restart();
    for (var i = 0; i < n; i++)
    {
        await using var db = new AppDbContext(options);
        var (_, user) = ids[i % ids.Count];
        if (!await db.Users.AsNoTracking().AnyAsync(u => u.Id == user && !u.IsDisabled)) throw new Exception("no user");
    }
    Console.WriteLine($"user primary-key lookup (reference): {sw.Elapsed.TotalMicroseconds / n:F1} µs per call");
    Console.WriteLine($"IsOpenAsync: {sessionMicros:F1} µs per call over {n} calls (10,000 sessions, 1,000 users)");
}
