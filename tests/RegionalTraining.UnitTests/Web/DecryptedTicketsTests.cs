using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Moq;
using RegionalTraining.Web.Infrastructure.Security;

namespace RegionalTraining.UnitTests.Web;

/// <summary>The sign-in cookie decrypted once per value (docs/decisions/0039-sign-in-cookie-decrypted-once.md).</summary>
public sealed class DecryptedTicketsTests : IDisposable
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);

    private readonly MemoryCache _cache = new(Options.Create(new MemoryCacheOptions { SizeLimit = DecryptedTickets.Capacity }));

    private readonly Mock<ISecureDataFormat<AuthenticationTicket>> _inner = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void Unprotect_TheSameCookieTwice_DecryptsItOnce()
    {
        _inner.Setup(f => f.Unprotect("cookie-a")).Returns(() => Ticket("user-a"));
        var tickets = new DecryptedTickets(_inner.Object, _cache);

        var first = tickets.Unprotect("cookie-a");
        var second = tickets.Unprotect("cookie-a");

        _inner.Verify(f => f.Unprotect("cookie-a"), Times.Once);
        Assert.Equal("user-a", first!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("user-a", second!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(Expires, second.Properties.ExpiresUtc);
    }

    [Fact]
    public void Unprotect_HandsACopyEachTime_SoARefreshedExpiryNeverReachesTheNextRequest()
    {
        _inner.Setup(f => f.Unprotect("cookie-a")).Returns(() => Ticket("user-a"));
        var tickets = new DecryptedTickets(_inner.Object, _cache);

        var first = tickets.Unprotect("cookie-a")!;
        first.Properties.ExpiresUtc = Expires.AddHours(8);
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added", "by a request"));
        var second = tickets.Unprotect("cookie-a")!;

        Assert.NotSame(first, second);
        Assert.Equal(Expires, second.Properties.ExpiresUtc);
        Assert.Null(second.Principal.FindFirst("added"));
    }

    [Fact]
    public void Unprotect_TwoCookies_EachGetsItsOwnTicket()
    {
        _inner.Setup(f => f.Unprotect("cookie-a")).Returns(() => Ticket("user-a"));
        _inner.Setup(f => f.Unprotect("cookie-b")).Returns(() => Ticket("user-b"));
        var tickets = new DecryptedTickets(_inner.Object, _cache);

        tickets.Unprotect("cookie-a");

        Assert.Equal("user-b", tickets.Unprotect("cookie-b")!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("user-a", tickets.Unprotect("cookie-a")!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void Unprotect_ACookieThatDoesNotDecrypt_IsTriedAgainEveryTimeAndRefused()
    {
        var tickets = new DecryptedTickets(_inner.Object, _cache);

        Assert.Null(tickets.Unprotect("tampered"));
        Assert.Null(tickets.Unprotect("tampered"));

        _inner.Verify(f => f.Unprotect("tampered"), Times.Exactly(2));
    }

    [Fact]
    public void Unprotect_WithAPurpose_GoesToTheFormatEveryTime()
    {
        _inner.Setup(f => f.Unprotect("cookie-a", "binding")).Returns(() => Ticket("user-a"));
        var tickets = new DecryptedTickets(_inner.Object, _cache);

        tickets.Unprotect("cookie-a", "binding");
        tickets.Unprotect("cookie-a", "binding");

        _inner.Verify(f => f.Unprotect("cookie-a", "binding"), Times.Exactly(2));
    }

    [Fact]
    public void Protect_IsTheFormatsOwn()
    {
        var ticket = Ticket("user-a");
        _inner.Setup(f => f.Protect(ticket)).Returns("protected");

        Assert.Equal("protected", new DecryptedTickets(_inner.Object, _cache).Protect(ticket));
    }

    private static AuthenticationTicket Ticket(string userId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Identity.Application")),
            new AuthenticationProperties { ExpiresUtc = Expires }, "Identity.Application");
}
