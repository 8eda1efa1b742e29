using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OtpNet;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Accounts.TwoFactor;

namespace RegionalTraining.UnitTests.Accounts.TwoFactor;

public sealed class OnceOnlyAuthenticatorTokenProviderTests
{
    private const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static readonly DateTimeOffset StepStart = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 - (1_800_000_000 % 30));

    private readonly FakeTimeProvider _clock = new(StepStart.AddSeconds(5));
    private readonly ApplicationUser _user = new() { Id = "u1" };
    private readonly Mock<UserManager<ApplicationUser>> _manager = Manager();

    private OnceOnlyAuthenticatorTokenProvider Provider => new(_clock);

    private static Mock<UserManager<ApplicationUser>> Manager()
    {
        var manager = new Mock<UserManager<ApplicationUser>>(Mock.Of<IUserStore<ApplicationUser>>(), null!, null!, null!, null!, null!, null!, null!, null!);
        manager.Setup(m => m.GetAuthenticatorKeyAsync(It.IsAny<ApplicationUser>())).ReturnsAsync(Key);
        manager.Setup(m => m.UpdateAsync(It.IsAny<ApplicationUser>())).ReturnsAsync(IdentityResult.Success);
        return manager;
    }

    private static string CodeAt(DateTimeOffset time) => new Totp(Base32Encoding.ToBytes(Key)).ComputeTotp(time.UtcDateTime);

    private Task<bool> ValidateAsync(string code) => Provider.ValidateAsync("TwoFactor", code, _manager.Object, _user);

    [Fact]
    public async Task CurrentCode_IsAcceptedAndItsStepIsSaved()
    {
        Assert.True(await ValidateAsync(CodeAt(_clock.GetUtcNow())));

        Assert.Equal(StepStart.ToUnixTimeSeconds() / 30, _user.AuthenticatorLastTimeStep);
        _manager.Verify(m => m.UpdateAsync(_user), Times.Once);
    }

    [Fact]
    public async Task SameCodeTwice_IsRefusedTheSecondTime()
    {
        var code = CodeAt(_clock.GetUtcNow());

        Assert.True(await ValidateAsync(code));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(await ValidateAsync(code));
    }

    [Fact]
    public async Task CodeOfThePreviousStep_IsAcceptedForClockDrift_ButNotAfterALaterCode()
    {
        var previous = CodeAt(_clock.GetUtcNow().AddSeconds(-30));
        var current = CodeAt(_clock.GetUtcNow());

        Assert.True(await ValidateAsync(previous));
        Assert.True(await ValidateAsync(current));
        Assert.False(await ValidateAsync(CodeAt(_clock.GetUtcNow().AddSeconds(-30))));
    }

    [Fact]
    public async Task CodeOfTheNextStep_IsAcceptedForClockDrift()
    {
        Assert.True(await ValidateAsync(CodeAt(_clock.GetUtcNow().AddSeconds(30))));
    }

    [Fact]
    public async Task CodeTwoStepsOld_IsRefused()
    {
        Assert.False(await ValidateAsync(CodeAt(_clock.GetUtcNow().AddSeconds(-60))));
        _manager.Verify(m => m.UpdateAsync(It.IsAny<ApplicationUser>()), Times.Never);
    }

    [Fact]
    public async Task CodeTypedWithASpace_IsAccepted()
    {
        var code = CodeAt(_clock.GetUtcNow());

        Assert.True(await ValidateAsync(code[..3] + " " + code[3..]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public async Task MalformedCode_IsRefusedWithoutSaving(string code)
    {
        Assert.False(await ValidateAsync(code));
        _manager.Verify(m => m.UpdateAsync(It.IsAny<ApplicationUser>()), Times.Never);
    }

    [Fact]
    public async Task CodeWhoseStepCannotBeSaved_IsRefused()
    {
        // Two requests with the same code: the second one's save fails on the concurrency stamp.
        _manager.Setup(m => m.UpdateAsync(It.IsAny<ApplicationUser>())).ReturnsAsync(IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure()));

        Assert.False(await ValidateAsync(CodeAt(_clock.GetUtcNow())));
    }

    [Fact]
    public async Task UserWithoutKey_IsRefused()
    {
        _manager.Setup(m => m.GetAuthenticatorKeyAsync(It.IsAny<ApplicationUser>())).ReturnsAsync((string?)null);

        Assert.False(await ValidateAsync(CodeAt(_clock.GetUtcNow())));
        Assert.False(await Provider.CanGenerateTwoFactorTokenAsync(_manager.Object, _user));
    }
}
