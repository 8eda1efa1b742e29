using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Web.ViewComponents;

/// <summary>The notifications link with its unread count (one indexed count query per page).</summary>
public sealed class NotificationBadgeViewComponent(INotificationService notifications, UserManager<ApplicationUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = users.GetUserId(HttpContext.User);
        var count = userId is null ? 0 : await notifications.UnreadCountAsync(userId, HttpContext.RequestAborted);
        return View(count);
    }
}
