using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>The one way a controller asks the authorization handlers about a resource it looked up by id.</summary>
public static class ResourceAuthorization
{
    /// <summary>
    /// 404 when the resource does not exist, 403 when the handlers refuse the operation on it, null when the action
    /// may go on.
    /// </summary>
    public static async Task<IActionResult?> DeniedAsync<TResource>(
        this Controller controller, IAuthorizationService authorization, TResource? resource, IAuthorizationRequirement operation)
        where TResource : struct
    {
        if (resource is null)
        {
            return controller.NotFound();
        }

        var result = await authorization.AuthorizeAsync(controller.User, resource.Value, operation);
        return result.Succeeded ? null : controller.Forbid();
    }
}
