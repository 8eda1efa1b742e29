using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Web.ViewComponents;

/// <summary>
/// The notifications link with its unread count: the one the session check read for this request
/// (<see cref="SignedInRequest"/>, docs/decisions/0029), else one indexed count query.
/// </summary>
public sealed class NotificationBadgeViewComponent(ICurrentUser currentUser, SignedInRequest signedIn) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = currentUser.UserId;
        // The notification service is resolved only when the count must be queried (a request that may write): it is
        // built with its e-mail sender and formatter, which cost more than the rest of the badge on every page
        // (docs/decisions/0031).
        var count = userId is null ? 0
            : signedIn.UnreadNoticesFor(userId)
              ?? await HttpContext.RequestServices.GetRequiredService<INotificationService>().UnreadCountAsync(userId, HttpContext.RequestAborted);
        return View(count);
    }
}
