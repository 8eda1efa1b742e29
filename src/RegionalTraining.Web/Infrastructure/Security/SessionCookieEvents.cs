using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// Ties the sign-in cookie to a server-side session (<see cref="IUserSessions"/>): a session starts at every
/// sign-in, is checked on every request, and ends at sign-out. Replaces Identity's interval-based security-stamp
/// check, which let a signed-out or disabled account's cookie work until the next interval.
/// </summary>
public sealed class SessionCookieEvents(IUserSessions sessions, SignedInRequest signedIn, ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public const string SessionClaim = "rt:sid";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var stamp = principal.FindFirstValue(StampClaim) ?? string.Empty;
        var http = context.HttpContext;

        // A refresh (after the user changed his own password, say) rotates the session: a copy of the old cookie dies.
        var previous = http.User.FindFirstValue(SessionClaim);
        if (previous is not null && http.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId)
        {
            await sessions.EndAsync(userId, previous, http.RequestAborted);
        }

        var sessionId = await sessions.StartAsync(userId, stamp, context.Properties.IsPersistent,
            http.Request.Headers.UserAgent.ToString(), http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, sessionId));
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal?.FindFirstValue(SessionClaim);
        if (userId is not null && sessionId is not null
            && await sessions.IsOpenAsync(sessionId, userId, context.HttpContext.RequestAborted))
        {
            // A request that may write could change the unread count or the figures before its page shows them.
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                signedIn.ForgetChangeable();
            }

            return;
        }

        logger.LogInformation("Sign-in cookie of user {UserId} refused: its session has ended", userId);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        var user = context.HttpContext.User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = user.FindFirstValue(SessionClaim);
        if (userId is not null && sessionId is not null)
        {
            await sessions.EndAsync(userId, sessionId, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>A forbidden request answers 403 with the localized page rather than redirecting.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    // Identity's ClaimsIdentityOptions.SecurityStampClaimType default, which this portal does not change.
    private const string StampClaim = "AspNet.Identity.SecurityStamp";
}
