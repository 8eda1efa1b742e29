using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Notifications;

namespace RegionalTraining.Web.Controllers;

/// <summary>The signed-in user's notifications and notice preferences; only ever his own (the user id comes from the session).</summary>
public sealed class NotificationsController(
    INotificationService notifications, INoticePreferenceService preferences, IAccessScopeProvider scopes, UserManager<ApplicationUser> users) : Controller
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

    /// <summary>Per kind of notice, an e-mail at once or in the daily digest.</summary>
    [HttpGet]
    public async Task<IActionResult> Preferences(CancellationToken cancellationToken) =>
        View(NoticePreferencesForm.From(await preferences.GetAsync(await scopes.GetAsync(cancellationToken), cancellationToken)));

    [HttpPost]
    public async Task<IActionResult> Preferences(NoticePreferencesForm form, CancellationToken cancellationToken) =>
        await this.RespondAsync(
            await preferences.SaveAsync(await scopes.GetAsync(cancellationToken), form.ToInput(), cancellationToken),
            Messages.NoticePreferencesSaved,
            () => RedirectToAction(nameof(Preferences)),
            () => Task.FromResult<IActionResult>(View(form)));
}
