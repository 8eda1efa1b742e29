using Microsoft.AspNetCore.Authorization;

namespace RegionalTraining.Core.Accounts;

/// <summary>
/// The named policies controllers use. Each asks <see cref="AccessScope"/>, which is read from the database on
/// every request: a role taken away or an account disabled counts at once, whatever the sign-in cookie still says.
/// </summary>
public static class Policies
{
    public const string ManageAccounts = nameof(Capability.ManageAccounts);
    public const string ManageReferenceData = nameof(Capability.ManageReferenceData);
    public const string DirectorateWork = nameof(Capability.DirectorateWork);

    public static AuthorizationBuilder AddCapabilityPolicies(this AuthorizationBuilder builder)
    {
        foreach (var capability in Enum.GetValues<Capability>())
        {
            builder.AddPolicy(capability.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(capability)));
        }

        return builder;
    }
}

public sealed record CapabilityRequirement(Capability Capability) : IAuthorizationRequirement;

public sealed class CapabilityAuthorizationHandler(IAccessScopeProvider scopes) : AuthorizationHandler<CapabilityRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if ((await scopes.GetAsync()).Has(requirement.Capability))
        {
            context.Succeed(requirement);
        }
    }
}
