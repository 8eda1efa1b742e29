using System.Security.Cryptography;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data.Seeding;

namespace RegionalTraining.Web.Infrastructure;

/// <summary>
/// `dotnet run --project src/RegionalTraining.Web -- create-admin --email X`: creates the first administrator
/// of a production install, with a random password printed once on the console (never logged).
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var emailIndex = Array.IndexOf(args, "--email");
        var email = emailIndex >= 0 && emailIndex + 1 < args.Length ? args[emailIndex + 1] : null;
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --email admin@example.org [--name \"Full name\"]");
            return 2;
        }

        var nameIndex = Array.IndexOf(args, "--name");
        var name = nameIndex >= 0 && nameIndex + 1 < args.Length ? args[nameIndex + 1] : email;
        // Never demo accounts here, even when `dotnet run` picks the Development launch profile.
        await app.InitialiseDatabaseAsync(allowDemoAccounts: false);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccountSeeder>().EnsureRolesAsync();
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var result = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new AccountInput(email, name, Roles.Administrator, null, []), password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("create-admin failed: " + string.Join("; ", result.Errors.Select(e => e.MessageKey)));
            return 1;
        }

        Console.WriteLine($"Administrator {email} created. Temporary password (shown once, change it after signing in): {password}");
        return 0;
    }
}
