using RegionalTraining.Core.Accounts;

namespace RegionalTraining.UnitTests.Accounts;

public sealed class MaximumLengthPasswordValidatorTests
{
    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public async Task Validate_AtTheLimit_AcceptsAndAboveRefuses(int length, bool expected)
    {
        var validator = new MaximumLengthPasswordValidator<ApplicationUser>();

        var result = await validator.ValidateAsync(null!, new ApplicationUser(), new string('x', length));

        Assert.Equal(expected, result.Succeeded);
    }
}
