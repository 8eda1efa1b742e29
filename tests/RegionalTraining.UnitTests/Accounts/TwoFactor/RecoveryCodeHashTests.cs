using RegionalTraining.Core.Accounts.TwoFactor;
using Hash = RegionalTraining.Core.Accounts.TwoFactor.HashedRecoveryCodeUserStore.RecoveryCodeHash;

namespace RegionalTraining.UnitTests.Accounts.TwoFactor;

public sealed class RecoveryCodeHashTests
{
    [Fact]
    public void StoredHash_DoesNotContainTheCodeAndMatchesOnlyIt()
    {
        var stored = Hash.Create("AB3DE-FG4HJ");

        Assert.DoesNotContain("AB3DE", stored, StringComparison.OrdinalIgnoreCase);
        Assert.True(Hash.Matches(stored, "AB3DE-FG4HJ"));
        Assert.False(Hash.Matches(stored, "AB3DE-FG4HK"));
    }

    [Fact]
    public void SameCode_HashesDifferentlyEachTime()
    {
        Assert.NotEqual(Hash.Create("AB3DE-FG4HJ"), Hash.Create("AB3DE-FG4HJ"));
    }

    [Theory]
    [InlineData("ab3de-fg4hj")]
    [InlineData(" AB3DE-FG4HJ ")]
    [InlineData("AB3DE -FG4HJ")]
    public void CodeTypedInLowerCaseOrWithSpaces_StillMatches(string typed)
    {
        Assert.True(Hash.Matches(Hash.Create("AB3DE-FG4HJ"), typed));
    }

    [Theory]
    [InlineData("AB3DE-FG4HJ")]
    [InlineData("h1$not base64$x")]
    [InlineData("")]
    public void MalformedStoredValue_MatchesNothing(string stored)
    {
        Assert.False(Hash.Matches(stored, "AB3DE-FG4HJ"));
    }

    [Fact]
    public void AuthenticatorUri_NamesTheIssuerAndTheAccount()
    {
        var uri = TwoFactorService.AuthenticatorUri("admin@demo.local", "ABCDEFGH");

        Assert.Equal("otpauth://totp/RegionalTraining:admin%40demo.local?secret=ABCDEFGH&issuer=RegionalTraining&digits=6", uri);
        Assert.Equal("abcd efgh ij", TwoFactorService.FormatKey("ABCDEFGHIJ"));
    }
}
