using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace RegionalTraining.Core.Accounts;

/// <summary>The operations controllers ask about an establishment.</summary>
public static class EstablishmentOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(AccessOperation.Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(AccessOperation.Edit) };
}

/// <summary>Resource-based check: does the signed-in user's scope reach this establishment?</summary>
public sealed class EstablishmentAuthorizationHandler(IAccessScopeProvider scopes)
    : AuthorizationHandler<OperationAuthorizationRequirement, EstablishmentRef>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, EstablishmentRef resource)
    {
        if (!Enum.TryParse<AccessOperation>(requirement.Name, out var operation))
        {
            return;
        }

        var scope = await scopes.GetAsync();
        if (scope.Can(operation, resource))
        {
            context.Succeed(requirement);
        }
    }
}
