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

/// <summary>
/// Creates accounts and changes their role, perimeter and state. Administrators only: the controller's policy checks
/// the capability, this service keeps the assignment coherent, refuses changes to one's own account and to the last
/// active administrator, and logs every change.
/// </summary>
public interface IAccountService
{
    Task<IReadOnlyList<AccountListItem>> ListAsync(CancellationToken cancellationToken = default);

    Task<AccountDetails?> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Creates the account without a usable password (the person sets one through the invitation link); succeeds with its id.</summary>
    Task<Result<string>> CreateAsync(AccountInput input, string? password = null, CancellationToken cancellationToken = default);

    /// <summary>A conflict when <paramref name="concurrencyStamp"/> is stale; it carries the stamp now stored.</summary>
    Task<Result<string>> UpdateAsync(string userId, AccountInput input, string concurrencyStamp, CancellationToken cancellationToken = default);

    /// <summary>Disabling also renews the security stamp, which ends the account's open sessions.</summary>
    Task<Result> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class AccountService(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<AccountService> logger) : IAccountService
{
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

    public async Task<Result<string>> CreateAsync(AccountInput input, string? password = null, CancellationToken cancellationToken = default)
    {
        var (directorateId, errors) = await CheckAsync(input, cancellationToken);
        if (await users.FindByEmailAsync(input.Email) is not null)
        {
            errors.Add(new FieldError(nameof(input.Email), Messages.DuplicateEmail));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).With<string>();
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
            return Result.Invalid(ToErrors(created)).With<string>();
        }

        await users.AddToRoleAsync(user, input.Role);
        logger.LogInformation("Account {UserId} created with role {Role} for directorate {DirectorateId}", user.Id, input.Role, directorateId);
        return Result.Success(user.Id);
    }

    public async Task<Result<string>> UpdateAsync(string userId, AccountInput input, string concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.Include(u => u.Establishments).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Result.NotFound().With<string>();
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return Result.Conflict(Messages.AccountConflict).With(user.ConcurrencyStamp);
        }

        var (directorateId, errors) = await CheckAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).With<string>();
        }

        var oldRoles = await users.GetRolesAsync(user);
        var establishmentIds = input.Role == Roles.EstablishmentDirector ? input.EstablishmentIds.Distinct().ToList() : [];
        var accessChanges = !oldRoles.SequenceEqual([input.Role]) || user.DirectorateId != directorateId
            || !user.Establishments.Select(l => l.EstablishmentId).ToHashSet().SetEquals(establishmentIds);
        if (accessChanges && user.Id == currentUser.UserId)
        {
            return Result.Invalid(nameof(input.Role), Messages.OwnAccount).With<string>();
        }

        if (oldRoles.Contains(Roles.Administrator) && input.Role != Roles.Administrator && !user.IsDisabled
            && !await AnotherActiveAdministratorAsync(user.Id, cancellationToken))
        {
            return Result.Invalid(nameof(input.Role), Messages.LastAdministrator).With<string>();
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
                ? Result.Conflict(Messages.AccountConflict).With(await StoredStampAsync(userId, cancellationToken))
                : Result.Invalid(ToErrors(updated)).With<string>();
        }

        logger.LogInformation("Account {UserId} perimeter set to directorate {DirectorateId} and {EstablishmentCount} establishments",
            user.Id, directorateId, user.Establishments.Count);
        return Result.Success(user.Id);
    }

    public async Task<Result> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound();
        }

        if (user.Id == currentUser.UserId)
        {
            return Result.Invalid(FieldError.Form, Messages.OwnAccount);
        }

        if (disabled && !user.IsDisabled && await users.IsInRoleAsync(user, Roles.Administrator)
            && !await AnotherActiveAdministratorAsync(user.Id, cancellationToken))
        {
            return Result.Invalid(FieldError.Form, Messages.LastAdministrator);
        }

        user.IsDisabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation(disabled ? "Account {UserId} disabled" : "Account {UserId} enabled", user.Id);
        }

        return result.Succeeded ? Result.Success() : Result.Invalid(ToErrors(result));
    }

    private Task<string?> StoredStampAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.ConcurrencyStamp).SingleOrDefaultAsync(cancellationToken);

    private Task<bool> AnotherActiveAdministratorAsync(string userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(ur => ur.UserId != userId)
            .Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled), id => id, u => u.Id, (id, _) => id)
            .AnyAsync(cancellationToken);

    private async Task<(int? DirectorateId, List<FieldError> Errors)> CheckAsync(AccountInput input, CancellationToken ct)
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
            errors[nameof(input.EstablishmentIds)] = Messages.ChooseEstablishments;
        }

        if (input.DirectorateId is { } d && !await db.Directorates.AnyAsync(x => x.Id == d, ct))
        {
            errors[nameof(input.DirectorateId)] = Messages.ChooseDirectorate;
        }

        // A director belongs to the directorate of his establishments; an administrator to none in particular.
        int? directorateId = input.Role switch
        {
            Roles.EstablishmentDirector => establishmentDirectorates.Select(e => (int?)e.DirectorateId).FirstOrDefault(),
            Roles.Administrator => null,
            _ => input.DirectorateId,
        };
        return (directorateId, errors.Select(e => new FieldError(e.Key, e.Value)).ToList());
    }

    /// <summary>Identity's descriptions come already in the reader's language (LocalizedIdentityErrorDescriber).</summary>
    private static IEnumerable<FieldError> ToErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email")
            .Select(g => new FieldError(g.Key, string.Join(" ", g.Select(e => e.Description))));
}
