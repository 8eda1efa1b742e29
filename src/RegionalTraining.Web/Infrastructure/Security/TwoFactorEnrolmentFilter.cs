using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Accounts.TwoFactor;
using RegionalTraining.Web.Controllers;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// Sends a signed-in user whose role requires a second factor, and who has none yet, to the enrolment page on every
/// request but the few he needs to get there (enrolment, sign-out, language, error pages). The roles and the flag come
/// from the database, read by the request's session check (<see cref="IAccessScopeProvider"/>, <see cref="SignedInRequest"/>),
/// so a role given a minute ago already counts.
/// </summary>
public sealed class TwoFactorEnrolmentFilter(
    TwoFactorOptions options,
    IAccessScopeProvider scopes,
    SignedInRequest signedIn) : IAsyncAuthorizationFilter
{
    private static readonly HashSet<Type> ExemptControllers =
        [typeof(TwoFactorController), typeof(TwoFactorLoginController), typeof(LanguageController), typeof(ErrorController)];

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (options.RequiredRoles.Count == 0 || context.HttpContext.User.Identity?.IsAuthenticated != true || IsExempt(context.ActionDescriptor))
        {
            return;
        }

        var cancellationToken = context.HttpContext.RequestAborted;
        var scope = await scopes.GetAsync(cancellationToken);
        if (scope.UserId is null || !options.IsRequiredFor(scope.Roles))
        {
            return;
        }

        // The session check read the flag with everything else (docs/decisions/0031); a request that may write asks the
        // database again. The service is resolved only then: it brings a UserManager, whose construction cost more than
        // the rest of this filter when it was built for every signed-in request.
        var enabled = signedIn.TwoFactorEnabledFor(scope.UserId)
            ?? await context.HttpContext.RequestServices.GetRequiredService<ITwoFactorService>().IsEnabledAsync(scope.UserId, cancellationToken);
        if (enabled)
        {
            return;
        }

        context.Result = new RedirectToActionResult(nameof(TwoFactorController.Index), "TwoFactor", null);
    }

    private static bool IsExempt(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action) =>
        action is ControllerActionDescriptor controller
        && (ExemptControllers.Contains(controller.ControllerTypeInfo.AsType())
            || (controller.ControllerTypeInfo.AsType() == typeof(AccountController) && controller.ActionName == nameof(AccountController.Logout)));
}
