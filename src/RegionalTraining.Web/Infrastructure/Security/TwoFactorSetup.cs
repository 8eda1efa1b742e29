using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Accounts.TwoFactor;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>Two-factor sign-in: the once-only authenticator provider, hashed recovery codes, its cookies and settings.</summary>
public static class TwoFactorSetup
{
    public const string RequiredRolesKey = "Security:TwoFactor:RequiredRoles";

    public static IdentityBuilder AddRegionalTrainingTwoFactor(this IdentityBuilder identity, IConfiguration configuration, bool secureCookies)
    {
        var services = identity.Services;
        identity.AddUserStore<HashedRecoveryCodeUserStore>()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(OnceOnlyAuthenticatorTokenProvider.ProviderName);
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.AuthenticatorTokenProvider = OnceOnlyAuthenticatorTokenProvider.ProviderName;
            // Identity's own provider accepts a replayed code: it must not be reachable under any name.
            o.Tokens.ProviderMap.Remove(TokenOptions.DefaultAuthenticatorProvider);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = "rt.2fa.remember";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "rt.2fa.user";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton(new TwoFactorOptions { RequiredRoles = RequiredRoles(configuration) });
        services.AddScoped<ITwoFactorService, TwoFactorService>();
        services.AddScoped<TwoFactorEnrolmentFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<TwoFactorEnrolmentFilter>());
        return identity;
    }

    /// <summary>
    /// The roles that must use a second factor. Configuration merges arrays item by item, so a later file cannot
    /// shorten appsettings.json's list; a plain value at the key itself ("" for none, or "A,B") replaces it instead.
    /// </summary>
    public static HashSet<string> RequiredRoles(IConfiguration configuration)
    {
        var section = configuration.GetSection(RequiredRolesKey);
        var names = section.Value is { } value
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value?.Trim() ?? string.Empty).Where(v => v.Length > 0);
        var roles = names.ToHashSet(StringComparer.Ordinal);
        var unknown = roles.Except(Roles.All).ToList();
        return unknown.Count == 0
            ? roles
            : throw new InvalidOperationException($"{RequiredRolesKey} names unknown roles: {string.Join(", ", unknown)}");
    }
}
