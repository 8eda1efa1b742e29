using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// The sign-in cookie decrypted once per cookie value and node, for a few minutes, instead of on every request
/// (docs/decisions/0039-sign-in-cookie-decrypted-once.md). Decrypting it (Data Protection derives the keys, decrypts
/// and checks the MAC through OpenSSL, then the claims are read back) was about a tenth of a signed-in page's CPU.
/// What decides whether the cookie still works is unchanged and runs on every request: its expiry, checked by the
/// cookie handler against the clock, and the server-side session (<see cref="SessionCookieEvents"/>), which ends at
/// sign-out, when an administrator ends it, or when the password changes.
/// </summary>
public sealed class DecryptedTickets(ISecureDataFormat<AuthenticationTicket> inner, IMemoryCache tickets) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>
    /// How long a decrypted cookie is reused. A Data Protection key revoked stops the cookies it protected after this
    /// long (or a restart); a session ended stops them on the next request.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>At most this many cookies per node: a hundred times the people who sign in to a directorate's portal.</summary>
    public const int Capacity = 10_000;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        // A copy each time: the handler writes a refreshed expiry into the ticket it was given, which must never reach
        // the next request carrying the old cookie.
        if (tickets.TryGetValue(protectedText, out AuthenticationTicket? kept) && kept is not null)
        {
            return kept.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            using var entry = tickets.CreateEntry(protectedText);
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.Value = ticket.Clone();
        }

        return ticket;
    }
}

public static class DecryptedTicketsSetup
{
    /// <summary>
    /// Wraps the sign-in cookie's format once the cookie handler has built it (its own post-configuration, registered
    /// before this one, sets the Data Protection format; this runs after it).
    /// </summary>
    public static IServiceCollection AddDecryptedTickets(this IServiceCollection services)
    {
        services.AddKeyedSingleton<IMemoryCache>(CacheKey, (_, _) => new MemoryCache(Options.Create(new MemoryCacheOptions { SizeLimit = DecryptedTickets.Capacity })));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IServiceProvider>((o, provider) => o.TicketDataFormat = new DecryptedTickets(
                o.TicketDataFormat ?? throw new InvalidOperationException("The cookie handler's own post-configuration must run first."),
                provider.GetRequiredKeyedService<IMemoryCache>(CacheKey)));
        return services;
    }

    private const string CacheKey = "decrypted-tickets";
}
