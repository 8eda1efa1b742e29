using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Accounts;

/// <summary>
/// Loads the current user's <see cref="AccessScope"/> from the database, once per request: the session check's copy
/// (<see cref="SignedInRequest"/>) when it read one for this user, else a query of its own.
/// </summary>
public interface IAccessScopeProvider
{
    Task<AccessScope> GetAsync(CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class AccessScopeProvider(AppDbContext db, ICurrentUser currentUser, SignedInRequest signedIn) : IAccessScopeProvider
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

        // Read by this request's session check, in its one query (docs/decisions/0029).
        if (signedIn.ScopeFor(userId) is { } checkedScope)
        {
            return _cached = checkedScope;
        }

        // One round trip: the account, its roles and its establishments together (a user has a few of each, so the
        // joined rows stay few). Read on every request, never cached: a removed role counts from the next request.
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new
            {
                u.Id,
                u.DirectorateId,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Establishments = db.UserEstablishments.Where(ue => ue.UserId == u.Id).Select(ue => ue.EstablishmentId).ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return _cached = AccessScope.Anonymous;
        }

        return _cached = new AccessScope(user.Id, user.Roles.ToHashSet(), user.DirectorateId, user.Establishments.ToHashSet());
    }
}
