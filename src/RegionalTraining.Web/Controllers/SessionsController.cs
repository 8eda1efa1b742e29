using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.Infrastructure.Security;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>The signed-in person's own sessions: where the account is open, and ending any or all of them.</summary>
public sealed class SessionsController(
    IUserSessions sessions,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    ILogger<SessionsController> logger) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var open = await sessions.ListOpenAsync(UserId, cancellationToken);
        return View(new SessionsViewModel(open.Select(s => SessionRow.From(s, CurrentSessionId)).ToList()));
    }

    /// <summary>Ends one of the user's own sessions; someone else's id answers 404 (the service matches the owner).</summary>
    [HttpPost]
    public async Task<IActionResult> End(string id, CancellationToken cancellationToken)
    {
        if (id == CurrentSessionId)
        {
            return await SignOutHereAsync();
        }

        return this.RespondWithRedirect(await sessions.EndAsync(UserId, id, cancellationToken), Messages.SessionEnded, () => RedirectToAction(nameof(Index)));
    }

    [HttpPost]
    public async Task<IActionResult> EndOthers(CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(UserId, CurrentSessionId, cancellationToken);
        TempData[Flash.Status] = Messages.OtherSessionsEnded;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Also renews the security stamp, so browsers remembered for the second factor must give it again.</summary>
    [HttpPost]
    public async Task<IActionResult> EndAll(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(UserId);
        await sessions.EndAllAsync(UserId, cancellationToken: cancellationToken);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        logger.LogInformation("User {UserId} signed out everywhere", UserId);
        return await SignOutHereAsync();
    }

    private async Task<IActionResult> SignOutHereAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToAction("Login", "Account");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private string? CurrentSessionId => User.FindFirstValue(SessionCookieEvents.SessionClaim);
}
