using Microsoft.AspNetCore.Localization;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>
/// The cookie the language switcher writes. Its Secure flag follows Security:SecureCookies like the portal's other
/// cookies (WebSetup), rather than the request's scheme, which is plain HTTP behind a proxy without forwarded headers.
/// </summary>
public sealed class CultureCookieOptions
{
    public CookieBuilder Cookie { get; } = new()
    {
        Name = CookieRequestCultureProvider.DefaultCookieName,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        MaxAge = TimeSpan.FromDays(365),
    };
}
