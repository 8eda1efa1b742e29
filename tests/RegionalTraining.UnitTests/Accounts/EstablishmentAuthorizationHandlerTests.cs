using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Moq;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.UnitTests.Accounts;

public sealed class EstablishmentAuthorizationHandlerTests
{
    private static async Task<bool> AuthorizeAsync(AccessScope scope, EstablishmentRef resource, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation)
    {
        var scopes = new Mock<IAccessScopeProvider>();
        scopes.Setup(s => s.GetAsync(It.IsAny<CancellationToken>())).ReturnsAsync(scope);
        var handler = new EstablishmentAuthorizationHandler(scopes.Object);
        var context = new AuthorizationHandlerContext([operation], new ClaimsPrincipal(new ClaimsIdentity("test")), resource);

        await handler.HandleAsync(context);

        return context.HasSucceeded;
    }

    [Fact]
    public async Task Handle_DirectorOnOwnEstablishment_Succeeds()
    {
        var scope = new AccessScope("u", new HashSet<string> { Roles.EstablishmentDirector }, 1, new HashSet<int> { 7 });

        Assert.True(await AuthorizeAsync(scope, new EstablishmentRef(7, 1), EstablishmentOperations.Edit));
    }

    [Fact]
    public async Task Handle_DirectorOnAnotherEstablishment_DoesNotSucceed()
    {
        var scope = new AccessScope("u", new HashSet<string> { Roles.EstablishmentDirector }, 1, new HashSet<int> { 7 });

        Assert.False(await AuthorizeAsync(scope, new EstablishmentRef(8, 1), EstablishmentOperations.Read));
    }

    [Fact]
    public async Task Handle_UnknownOperation_DoesNotSucceedEvenForAdministrator()
    {
        var scope = new AccessScope("u", new HashSet<string> { Roles.Administrator }, null, new HashSet<int>());

        Assert.False(await AuthorizeAsync(scope, new EstablishmentRef(8, 1), new() { Name = "Delete" }));
    }
}
