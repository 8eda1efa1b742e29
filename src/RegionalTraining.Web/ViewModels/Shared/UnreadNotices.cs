using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Web.ViewModels.Shared;

/// <summary>
/// The unread count of the layout's notices badge: the one the session check read for this request
/// (<see cref="SignedInRequest"/>, docs/decisions/0029), else one indexed count query. The layout renders the badge
/// itself, cached per count and language: a view component cost a component lookup and a view per page
/// (docs/decisions/0032-signed-in-floor.md).
/// </summary>
public sealed class UnreadNotices(ICurrentUser currentUser, SignedInRequest signedIn, IServiceProvider services)
{
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        // The notification service is resolved only when the count must be queried (a request that may write): it is
        // built with its e-mail sender and formatter, which cost more than the rest of the badge on every page
        // (docs/decisions/0031).
        return userId is null ? 0
            : signedIn.UnreadNoticesFor(userId)
              ?? await services.GetRequiredService<INotificationService>().UnreadCountAsync(userId, cancellationToken);
    }
}
