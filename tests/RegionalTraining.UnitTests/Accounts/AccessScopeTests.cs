using RegionalTraining.Core.Accounts;

namespace RegionalTraining.UnitTests.Accounts;

public sealed class AccessScopeTests
{
    private static readonly EstablishmentRef Mirleft = new(1, 10);
    private static readonly EstablishmentRef Dakhla = new(2, 10);
    private static readonly EstablishmentRef Elsewhere = new(3, 20);

    private static AccessScope Scope(string role, int? directorate = null, params int[] establishments) =>
        new("user", new HashSet<string> { role }, directorate, establishments.ToHashSet());

    [Theory]
    [InlineData(AccessOperation.Read)]
    [InlineData(AccessOperation.Edit)]
    public void Director_ReachesOnlyHisEstablishments(AccessOperation operation)
    {
        var scope = Scope(Roles.EstablishmentDirector, 10, 1);

        Assert.True(scope.Can(operation, Mirleft));
        Assert.False(scope.Can(operation, Dakhla));
        Assert.False(scope.Can(operation, Elsewhere));
    }

    [Theory]
    [InlineData(Roles.RegionalDirector)]
    [InlineData(Roles.DirectorateStaff)]
    public void DirectorateMember_ReachesHisDirectorateOnly(string role)
    {
        var scope = Scope(role, 10);

        Assert.True(scope.Can(AccessOperation.Edit, Mirleft));
        Assert.True(scope.Can(AccessOperation.Read, Dakhla));
        Assert.False(scope.Can(AccessOperation.Read, Elsewhere));
        Assert.True(scope.CanReadDirectorate(10));
        Assert.False(scope.CanReadDirectorate(20));
    }

    [Fact]
    public void DirectorateMemberWithoutDirectorate_ReachesNothing()
    {
        var scope = Scope(Roles.DirectorateStaff);

        Assert.False(scope.Can(AccessOperation.Read, Mirleft));
        Assert.False(scope.IsDirectorateMember);
    }

    [Fact]
    public void Director_WithDirectorateSet_DoesNotReachTheWholeDirectorate()
    {
        // Directors carry their directorate for later features; it must not widen their perimeter.
        var scope = Scope(Roles.EstablishmentDirector, 10, 1);

        Assert.False(scope.CanReadDirectorate(10));
        Assert.False(scope.Can(AccessOperation.Read, Dakhla));
    }

    [Fact]
    public void Administrator_ReachesEverythingAndEditsStructure()
    {
        var scope = Scope(Roles.Administrator);

        Assert.True(scope.Can(AccessOperation.Edit, Elsewhere));
        Assert.True(scope.CanReadDirectorate(20));
        Assert.True(scope.CanEditStructure);
    }

    [Fact]
    public void Anonymous_ReachesNothing()
    {
        Assert.False(AccessScope.Anonymous.Can(AccessOperation.Read, Mirleft));
        Assert.False(AccessScope.Anonymous.CanEditStructure);
    }

    [Theory]
    [InlineData(Roles.RegionalDirector)]
    [InlineData(Roles.DirectorateStaff)]
    [InlineData(Roles.EstablishmentDirector)]
    public void NonAdministrators_DoNotEditStructure(string role) =>
        Assert.False(Scope(role, 10, 1).CanEditStructure);

    [Theory]
    [InlineData(Roles.Administrator, true, true, true)]
    [InlineData(Roles.RegionalDirector, false, false, true)]
    [InlineData(Roles.DirectorateStaff, false, false, true)]
    [InlineData(Roles.EstablishmentDirector, false, false, false)]
    public void Capabilities_FollowTheRole(string role, bool accounts, bool referenceData, bool directorateWork)
    {
        var scope = Scope(role, role == Roles.Administrator ? null : 10, 1);

        Assert.Equal(accounts, scope.Has(Capability.ManageAccounts));
        Assert.Equal(referenceData, scope.Has(Capability.ManageReferenceData));
        Assert.Equal(directorateWork, scope.Has(Capability.DirectorateWork));
    }

    [Fact]
    public void Anonymous_HasNoCapabilityAndNoDirectorateWork()
    {
        Assert.All(Enum.GetValues<Capability>(), c => Assert.False(AccessScope.Anonymous.Has(c)));
        Assert.False(AccessScope.Anonymous.IsSignedIn);
        Assert.NotNull(AccessScope.Anonymous.DirectorateOfWork);
    }

    [Fact]
    public void StaffWithoutDirectorate_HasNoDirectorateWork() =>
        Assert.False(Scope(Roles.DirectorateStaff).Has(Capability.DirectorateWork));

    [Fact]
    public void DirectorateOfWork_IsAllForAdministratorsOwnForMembersAndNoneForDirectors()
    {
        Assert.Null(Scope(Roles.Administrator).DirectorateOfWork);
        Assert.Equal(10, Scope(Roles.DirectorateStaff, 10).DirectorateOfWork);
        var director = Scope(Roles.EstablishmentDirector, 10, 1).DirectorateOfWork;
        Assert.NotNull(director);
        Assert.NotEqual(10, director);
    }

    [Fact]
    public void DirectorateInFocus_IsTheChoiceOnlyForAdministrators()
    {
        Assert.Equal(20, Scope(Roles.Administrator).DirectorateInFocus(20));
        Assert.Equal(10, Scope(Roles.RegionalDirector, 10).DirectorateInFocus(20));
    }
}
