using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Web.Infrastructure;

/// <summary>
/// `dotnet run --project src/RegionalTraining.Web -- generate-synthetic --database App_Data/synthetic.db`
/// [--directorates 12] [--establishments 500] [--years 10] [--seed 42]: creates (or completes) a separate SQLite
/// database with the reference data and a synthetic national data set, to measure the dashboards at scale. Run
/// the portal on it with `-- --Database:ConnectionString "Data Source=App_Data/synthetic.db"`.
/// </summary>
public static class SyntheticDataCommand
{
    public const string Name = "generate-synthetic";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Points the portal at the synthetic database before anything is built, never at the real one.</summary>
    public static void Configure(WebApplicationBuilder builder, string[] args)
    {
        var path = Option(args, "--database") ?? "App_Data/synthetic.db";
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={path}",
            ["Database:MigrateOnStartup"] = "true",
            ["Seeding:DemoAccounts"] = "false",
        });
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = new SyntheticDataOptions(
            int.Parse(Option(args, "--directorates") ?? "12", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--establishments") ?? "500", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--years") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--seed") ?? "42", System.Globalization.CultureInfo.InvariantCulture));
        await app.InitialiseDatabaseAsync(allowDemoAccounts: false);
        await using var scope = app.Services.CreateAsyncScope();
        var today = scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today;
        var created = await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>()
            .GenerateAsync(options, TrainingYear.StartYearFor(today));
        Console.WriteLine($"Synthetic data: {created} establishments written to {app.Configuration["Database:ConnectionString"]}.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
