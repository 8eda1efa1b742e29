using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Core.Data.Seeding;

/// <summary>A demo account of the portal, created only outside Production.</summary>
public sealed record DemoAccount(string Email, string DisplayName, string Role, string? EstablishmentCode = null);

/// <summary>
/// Creates the roles always, and in Development one demo account per role (plus a second director, so the
/// "another establishment" case can be tried by hand). The caller decides whether demo accounts are allowed.
/// </summary>
public sealed class DemoAccountSeeder(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    ILogger<DemoAccountSeeder> logger)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@demo.local", "Administrateur démo", Roles.Administrator),
        new("regional.director@demo.local", "Directeur régional démo", Roles.RegionalDirector),
        new("staff@demo.local", "Cadre de la DR démo", Roles.DirectorateStaff),
        new("director.mirleft@demo.local", "Directeur ISTA Mirleft démo", Roles.EstablishmentDirector, "ISTA-FEB-MIRLEFT"),
        new("director.dakhla@demo.local", "Directeur ISTA Dakhla démo", Roles.EstablishmentDirector, "ISTA-DAKHLA"),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task<IReadOnlyList<string>> SeedDemoAccountsAsync(string password, CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();
        var directorateId = await db.Directorates.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var created = new List<string>();
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var establishment = account.EstablishmentCode is null
                ? null
                : await db.Establishments.Where(e => e.Code == account.EstablishmentCode)
                    .Select(e => new { e.Id, e.Province!.Region!.DirectorateId }).SingleOrDefaultAsync(cancellationToken);
            if (account.EstablishmentCode is not null && establishment is null)
            {
                logger.LogWarning("Demo account {Email} skipped: establishment {EstablishmentCode} is not seeded", account.Email, account.EstablishmentCode);
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                LockoutEnabled = true,
                DirectorateId = account.Role == Roles.Administrator ? null : establishment?.DirectorateId ?? directorateId,
            };
            if (establishment is not null)
            {
                user.Establishments.Add(new UserEstablishment { UserId = user.Id, EstablishmentId = establishment.Id });
            }

            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(' ', result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, account.Role);
            created.Add(account.Email);
        }

        return created;
    }
}
