using System.Security.Claims;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>The signed-in user of the current request, for auditing and access scopes.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => Principal?.Identity?.IsAuthenticated == true
        ? Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        : null;

    /// <summary>"system" outside a request (start-up seeding, commands), "anonymous" for a visitor.</summary>
    public string Name => accessor.HttpContext is null ? SystemUser.Instance.Name : Principal?.Identity?.Name ?? "anonymous";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;
}
