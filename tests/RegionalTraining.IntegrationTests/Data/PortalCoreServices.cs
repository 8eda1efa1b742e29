using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.IntegrationTests.Data;

/// <summary>
/// The portal's own database registration (pooled contexts, interceptors, the SQLite connection kept open) on a migrated
/// file of its own, without the web host: no background job rents a context between a test's requests. Each scope
/// stands for one request.
/// </summary>
public sealed class PortalCoreServices : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rt-core-" + Guid.NewGuid().ToString("N"));

    private PortalCoreServices() => Directory.CreateDirectory(_folder);

    public ServiceProvider Provider { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A context on a connection of the test's own, beside the portal's (another process, say).</summary>
    public AppDbContext OtherConnection(int busyTimeoutSeconds = 30) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "core.db")};Pooling=False;Default Timeout={busyTimeoutSeconds}")
            .AddInterceptors(new AuditInterceptor(SystemUser.Instance, Clock)).Options);

    public static async Task<PortalCoreServices> StartAsync()
    {
        var services = new PortalCoreServices();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(services._folder, "core.db")}",
        }).Build();
        services.Provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ICurrentUser>(SystemUser.Instance)
            .AddRegionalTrainingCore(configuration, services._folder)
            .AddSingleton<TimeProvider>(services.Clock)
            .BuildServiceProvider();
        await services.InRequestAsync(db => db.Database.MigrateAsync());
        return services;
    }

    public async Task InRequestAsync(Func<AppDbContext, Task> request)
    {
        await using var scope = Provider.CreateAsyncScope();
        await request(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> InRequestAsync<T>(Func<IServiceProvider, Task<T>> request)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await request(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
