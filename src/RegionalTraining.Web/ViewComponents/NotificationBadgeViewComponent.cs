using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Web.ViewComponents;

/// <summary>
/// The notifications link with its unread count: the one the session check read for this request
/// (<see cref="SignedInRequest"/>, docs/decisions/0029), else one indexed count query.
/// </summary>
public sealed class NotificationBadgeViewComponent(INotificationService notifications, UserManager<ApplicationUser> users, SignedInRequest signedIn) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = users.GetUserId(HttpContext.User);
        var count = userId is null ? 0
            : signedIn.UnreadNoticesFor(userId) ?? await notifications.UnreadCountAsync(userId, HttpContext.RequestAborted);
        return View(count);
    }
}
