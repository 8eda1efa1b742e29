using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// The antiforgery token of the sign-out form that every signed-in page carries in its menu. Issuing a token decrypts
/// the antiforgery cookie and encrypts a new request token: about 6 % of a dashboard view's CPU, for a form rarely used.
/// A request token is bound to the antiforgery cookie's token and to the signed-in person, and to nothing else (it
/// carries no time); so the token issued for a (cookie, person) pair is handed again, from this node's memory, to
/// requests presenting the same pair: a browser gets what ASP.NET Core would issue it, only not recomputed. Without a
/// valid cookie (first page, expired or forged cookie), or when the person changes, the token is issued as usual and
/// the new cookie set (docs/decisions/0037-sign-out-token-per-session.md). The token is validated by the antiforgery
/// filter like any other: nothing about its checking changes.
/// </summary>
public sealed class SignOutToken(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options) : IDisposable
{
    /// <summary>Sessions at once on one node, at most; beyond, the least recently used pairs are dropped (and reissued).</summary>
    private const int MaximumEntries = 10_000;

    private readonly MemoryCache issued = new(new MemoryCacheOptions { SizeLimit = MaximumEntries });

    public string FieldName => options.Value.FormFieldName;

    public string Get(HttpContext context)
    {
        var cookie = context.Request.Cookies[options.Value.Cookie.Name!];
        var person = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(cookie) || person is null)
        {
            return antiforgery.GetAndStoreTokens(context).RequestToken!;
        }

        var key = (cookie, person);
        if (issued.TryGetValue(key, out string? token))
        {
            return token!;
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        // A new cookie token means the request's cookie was not valid: the token belongs to the new cookie, not to the
        // value this request presented.
        if (tokens.CookieToken is null)
        {
            issued.Set(key, tokens.RequestToken!, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return tokens.RequestToken!;
    }

    public void Dispose() => issued.Dispose();
}
