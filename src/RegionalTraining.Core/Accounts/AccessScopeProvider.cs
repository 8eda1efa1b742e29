using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Accounts;

/// <summary>Loads the current user's <see cref="AccessScope"/> from the database, once per request.</summary>
public interface IAccessScopeProvider
{
    Task<AccessScope> GetAsync(CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class AccessScopeProvider(AppDbContext db, ICurrentUser currentUser) : IAccessScopeProvider
{
    private AccessScope? _cached;

    public async Task<AccessScope> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is not null)
        {
            return _cached;
        }

        var userId = currentUser.UserId;
        if (userId is null)
        {
            return _cached = AccessScope.Anonymous;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.DirectorateId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return _cached = AccessScope.Anonymous;
        }

        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var establishments = await db.UserEstablishments.AsNoTracking()
            .Where(ue => ue.UserId == userId)
            .Select(ue => ue.EstablishmentId)
            .ToListAsync(cancellationToken);

        return _cached = new AccessScope(user.Id, roles.ToHashSet(), user.DirectorateId, establishments.ToHashSet());
    }
}
