using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Accounts;

public sealed record AccountInput(
    string Email,
    string DisplayName,
    string Role,
    int? DirectorateId,
    IReadOnlyCollection<int> EstablishmentIds);

public sealed record AccountListItem(
    string Id, string Email, string DisplayName, string? Role, string? DirectorateCode, int EstablishmentCount, bool IsDisabled, bool IsLockedOut);

public sealed record AccountDetails(
    string Id, string Email, string DisplayName, string? Role, int? DirectorateId, IReadOnlyList<int> EstablishmentIds, bool IsDisabled, string ConcurrencyStamp);

/// <summary>Result of an account change: errors are field → resource key (or Identity's own description).</summary>
public sealed record AccountResult(bool Succeeded, string? UserId, IReadOnlyDictionary<string, string> Errors)
{
    public static AccountResult Ok(string userId) => new(true, userId, new Dictionary<string, string>());

    public static AccountResult Fail(IReadOnlyDictionary<string, string> errors) => new(false, null, errors);

    public static AccountResult Fail(string field, string message) => Fail(new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// Creates accounts and changes their role, perimeter and state. Administrators only: the controller's policy checks
/// the capability, this service keeps the assignment coherent, refuses changes to one's own account and to the last
/// active administrator, and logs every change.
/// </summary>
public interface IAccountService
{
    Task<IReadOnlyList<AccountListItem>> ListAsync(CancellationToken cancellationToken = default);

    Task<AccountDetails?> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Creates the account without a usable password: the person sets one through the invitation link.</summary>
    Task<AccountResult> CreateAsync(AccountInput input, string? password = null, CancellationToken cancellationToken = default);

    /// <summary>Refused with a conflict error when <paramref name="concurrencyStamp"/> is stale.</summary>
    Task<AccountResult> UpdateAsync(string userId, AccountInput input, string concurrencyStamp, CancellationToken cancellationToken = default);

    /// <summary>Disabling also renews the security stamp, which ends the account's open sessions.</summary>
    Task<AccountResult> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class AccountService(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<AccountService> logger) : IAccountService
{
    public const string ConflictMessage = "Someone else changed this account since you opened it. Review the current values and try again.";
    public const string DuplicateEmailMessage = "An account with this e-mail already exists.";
    public const string NotFoundMessage = "This account no longer exists.";
    public const string OwnAccountMessage = "You cannot change your own role, directorate, establishments or state: ask another administrator.";
    public const string LastAdministratorMessage = "This is the last active administrator: make another account administrator first.";

    public async Task<IReadOnlyList<AccountListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd,
                DirectorateCode = u.Directorate != null ? u.Directorate.Code : null,
                EstablishmentCount = u.Establishments.Count,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AccountListItem(
            r.Id, r.Email ?? string.Empty, r.DisplayName, r.Role, r.DirectorateCode, r.EstablishmentCount, r.IsDisabled,
            r.LockoutEnd is { } end && end > now && !r.IsDisabled)).ToList();
    }

    public async Task<AccountDetails?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Establishments)
            .SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return new AccountDetails(user.Id, user.Email ?? string.Empty, user.DisplayName, role, user.DirectorateId,
            user.Establishments.Select(e => e.EstablishmentId).ToList(), user.IsDisabled, user.ConcurrencyStamp ?? string.Empty);
    }

    public async Task<AccountResult> CreateAsync(AccountInput input, string? password = null, CancellationToken cancellationToken = default)
    {
        var (directorateId, errors) = await CheckAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return AccountResult.Fail(errors);
        }

        if (await users.FindByEmailAsync(input.Email) is not null)
        {
            return AccountResult.Fail("Email", DuplicateEmailMessage);
        }

        var user = new ApplicationUser
        {
            UserName = input.Email,
            Email = input.Email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            DirectorateId = directorateId,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.Establishments = input.Role != Roles.EstablishmentDirector
            ? []
            : input.EstablishmentIds.Distinct().Select(id => new UserEstablishment { UserId = user.Id, EstablishmentId = id }).ToList();

        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.Fail(ToErrors(created));
        }

        await users.AddToRoleAsync(user, input.Role);
        logger.LogInformation("Account {UserId} created with role {Role} for directorate {DirectorateId}", user.Id, input.Role, directorateId);
        return AccountResult.Ok(user.Id);
    }

    public async Task<AccountResult> UpdateAsync(string userId, AccountInput input, string concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.Include(u => u.Establishments).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AccountResult.Fail("", NotFoundMessage);
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return AccountResult.Fail("", ConflictMessage);
        }

        var (directorateId, errors) = await CheckAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return AccountResult.Fail(errors);
        }

        var oldRoles = await users.GetRolesAsync(user);
        var establishmentIds = input.Role == Roles.EstablishmentDirector ? input.EstablishmentIds.Distinct().ToList() : [];
        var accessChanges = !oldRoles.SequenceEqual([input.Role]) || user.DirectorateId != directorateId
            || !user.Establishments.Select(l => l.EstablishmentId).ToHashSet().SetEquals(establishmentIds);
        if (accessChanges && user.Id == currentUser.UserId)
        {
            return AccountResult.Fail("Role", OwnAccountMessage);
        }

        if (oldRoles.Contains(Roles.Administrator) && input.Role != Roles.Administrator && !user.IsDisabled
            && !await AnotherActiveAdministratorAsync(user.Id, cancellationToken))
        {
            return AccountResult.Fail("Role", LastAdministratorMessage);
        }

        user.DisplayName = input.DisplayName.Trim();
        user.DirectorateId = directorateId;
        // Only directors direct establishments: a role change away from director ends those links.
        user.Establishments.RemoveAll(link => !establishmentIds.Contains(link.EstablishmentId));
        foreach (var id in establishmentIds.Where(id => user.Establishments.All(l => l.EstablishmentId != id)))
        {
            user.Establishments.Add(new UserEstablishment { UserId = user.Id, EstablishmentId = id });
        }

        if (!oldRoles.SequenceEqual([input.Role]))
        {
            await users.RemoveFromRolesAsync(user, oldRoles);
            await users.AddToRoleAsync(user, input.Role);
            logger.LogInformation("Account {UserId} role changed from {OldRoles} to {Role}", user.Id, oldRoles, input.Role);
        }

        // Access is read from the database on every request anyway; renewing the stamp also ends the account's open
        // sessions, so whoever holds them signs in again under the new role. A new display name alone ends nothing.
        var updated = accessChanges ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? AccountResult.Fail("", ConflictMessage)
                : AccountResult.Fail(ToErrors(updated));
        }

        logger.LogInformation("Account {UserId} perimeter set to directorate {DirectorateId} and {EstablishmentCount} establishments",
            user.Id, directorateId, user.Establishments.Count);
        return AccountResult.Ok(user.Id);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("", NotFoundMessage);
        }

        if (user.Id == currentUser.UserId)
        {
            return AccountResult.Fail("", OwnAccountMessage);
        }

        if (disabled && !user.IsDisabled && await users.IsInRoleAsync(user, Roles.Administrator)
            && !await AnotherActiveAdministratorAsync(user.Id, cancellationToken))
        {
            return AccountResult.Fail("", LastAdministratorMessage);
        }

        user.IsDisabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation(disabled ? "Account {UserId} disabled" : "Account {UserId} enabled", user.Id);
        }

        return result.Succeeded ? AccountResult.Ok(user.Id) : AccountResult.Fail(ToErrors(result));
    }

    private Task<bool> AnotherActiveAdministratorAsync(string userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(ur => ur.UserId != userId)
            .Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled), id => id, u => u.Id, (id, _) => id)
            .AnyAsync(cancellationToken);

    private async Task<(int? DirectorateId, IReadOnlyDictionary<string, string> Errors)> CheckAsync(AccountInput input, CancellationToken ct)
    {
        var ids = input.EstablishmentIds.Distinct().ToList();
        var establishmentDirectorates = await db.Establishments.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Province!.Region!.DirectorateId })
            .ToListAsync(ct);
        var errors = new Dictionary<string, string>(AccountRules.Validate(
            input.Role, input.DirectorateId, establishmentDirectorates.Select(e => e.DirectorateId).ToList()));
        if (establishmentDirectorates.Count != ids.Count)
        {
            errors["EstablishmentIds"] = "Choose establishments from the list.";
        }

        if (input.DirectorateId is { } d && !await db.Directorates.AnyAsync(x => x.Id == d, ct))
        {
            errors["DirectorateId"] = "Choose a directorate from the list.";
        }

        // A director belongs to the directorate of his establishments; an administrator to none in particular.
        int? directorateId = input.Role switch
        {
            Roles.EstablishmentDirector => establishmentDirectorates.Select(e => (int?)e.DirectorateId).FirstOrDefault(),
            Roles.Administrator => null,
            _ => input.DirectorateId,
        };
        return (directorateId, errors);
    }

    private static Dictionary<string, string> ToErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email")
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description)));
}
