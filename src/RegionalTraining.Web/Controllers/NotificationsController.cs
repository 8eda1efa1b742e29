using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Web.Controllers;

/// <summary>The signed-in user's notifications; only ever his own (the user id comes from the session).</summary>
public sealed class NotificationsController(INotificationService notifications, UserManager<ApplicationUser> users) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await notifications.ListAsync(users.GetUserId(User)!, cancellationToken: cancellationToken));

    [HttpPost]
    public async Task<IActionResult> MarkAllRead(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(users.GetUserId(User)!, cancellationToken);
        return RedirectToAction(nameof(Index));
    }
}
