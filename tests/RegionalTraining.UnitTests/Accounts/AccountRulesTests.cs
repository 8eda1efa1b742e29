using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;

namespace RegionalTraining.UnitTests.Accounts;

public sealed class AccountRulesTests
{
    [Fact]
    public void Validate_UnknownRole_ReturnsError() =>
        Assert.Equal(Messages.UnknownRole, AccountRules.Validate("Superuser", null, [])["Role"]);

    [Theory]
    [InlineData(Roles.RegionalDirector)]
    [InlineData(Roles.DirectorateStaff)]
    public void Validate_DirectorateRoleWithoutDirectorate_ReturnsError(string role) =>
        Assert.Equal(Messages.DirectorateRequired, AccountRules.Validate(role, null, [])["DirectorateId"]);

    [Fact]
    public void Validate_DirectorWithoutEstablishment_ReturnsError() =>
        Assert.Equal(Messages.EstablishmentRequired, AccountRules.Validate(Roles.EstablishmentDirector, null, [])["EstablishmentIds"]);

    [Fact]
    public void Validate_DirectorAcrossTwoDirectorates_ReturnsError() =>
        Assert.Equal(Messages.EstablishmentsOfOneDirectorate, AccountRules.Validate(Roles.EstablishmentDirector, null, [1, 2])["EstablishmentIds"]);

    [Fact]
    public void Validate_ComplexDirectorInOneDirectorate_IsValid() =>
        Assert.Empty(AccountRules.Validate(Roles.EstablishmentDirector, null, [1, 1]));

    [Fact]
    public void Validate_AdministratorWithNothing_IsValid() =>
        Assert.Empty(AccountRules.Validate(Roles.Administrator, null, []));
}
