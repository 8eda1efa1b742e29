using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Web.Infrastructure.Email;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.Infrastructure.Performance;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Infrastructure.Routing;
using RegionalTraining.Web.Infrastructure.Security;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.Web.Infrastructure;

/// <summary>Everything the web project registers, so Program.cs stays a table of contents.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddRegionalTrainingWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddRegionalTrainingCore(configuration, builder.Environment.ContentRootPath);
        services.AddHttpContextAccessor();
        // A singleton (it reads the request through the accessor), so the audit interceptor and the database options
        // that hold it are built once (docs/decisions/0029).
        services.AddSingleton<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<SignInService>();
        services.AddScoped<ViewModels.Meetings.MeetingFormOptions>();
        services.AddScoped<ViewModels.Shared.LayoutStates>();
        services.AddSingleton<Performance.RenderedPages>();
        services.AddSingleton<ViewModels.Shared.LanguageLinks>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddRegionalTrainingRateLimits(configuration);
        services.AddRegionalTrainingCompression();
        services.AddRegionalTrainingOutputCache();
        services.AddSingleton<RegionalTraining.Core.Notifications.IMessageFormatter, ResourceMessageFormatter>();
        AddEmail(builder);
        if (configuration.GetValue("Digests:Enabled", true))
        {
            services.AddHostedService<DigestJobRunner>();
        }

        // Arabic stays readable in the HTML instead of becoming &#x...; entities (and pages stay smaller).
        var encoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement,
            UnicodeRanges.LatinExtendedA, UnicodeRanges.Arabic, UnicodeRanges.ArabicSupplement,
            UnicodeRanges.ArabicPresentationFormsA, UnicodeRanges.ArabicPresentationFormsB);
        services.AddSingleton(HtmlEncoder.Create(encoderSettings));
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = encoderSettings);

        services.AddLocalization(o => o.ResourcesPath = string.Empty);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = Cultures.SupportedCultureInfos;
            o.SupportedUICultures = Cultures.SupportedCultureInfos;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new LanguageOnlyRequestCultureProvider(),
            ];
        });

        AddIdentity(builder);

        services.AddAuthorizationBuilder().AddCapabilityPolicies();

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Conventions.Add(new HeadLikeGet());
                // Signed-in by default; public pages opt out with [AllowAnonymous]. A filter rather than a fallback
                // policy, so an unknown address answers 404 instead of a sign-in redirect.
                o.Filters.Add(new AuthorizeFilter());
                o.ModelBinderProviders.Insert(0, new FlexibleDecimalModelBinderProvider());
                o.Filters.Add<InvalidParameterFilter>();
                // Just before the framework's simple-type binder, so [FromHeader], [FromBody] and the like keep theirs.
                var simple = o.ModelBinderProviders.IndexOf(o.ModelBinderProviders.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.Binders.SimpleTypeModelBinderProvider>().Single());
                o.ModelBinderProviders.Insert(simple, new CleanTextModelBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetValueMustNotBeNullAccessor(_ => t["This field is required."]);
            messages.SetMissingBindRequiredValueAccessor(_ => t["This field is required."]);
            messages.SetMissingKeyOrValueAccessor(() => t["This field is required."]);
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["\"{0}\" is not a valid value.", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t["The value is not valid."]);
            messages.SetValueIsInvalidAccessor(value => t["\"{0}\" is not a valid value.", value]);
            messages.SetValueMustBeANumberAccessor(_ => t["Enter a number."]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["\"{0}\" is not a valid value.", value]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The value is not valid."]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Enter a number."]);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rt.antiforgery";
            o.Cookie.SecurePolicy = SecureCookies(configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, RegionalTraining.Web.Infrastructure.Results.QuietCookieTempDataProvider>();
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = SecureCookies(configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CultureCookieOptions>(o =>
            o.Cookie.SecurePolicy = SecureCookies(configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        // Keys in the database (shared by the web nodes), encrypted with a certificate: see KeyProtection.
        builder.AddRegionalTrainingDataProtection();
        // Run from a build (tests, `dotnet run` outside Development), static files and their compressed copies live in
        // the project and obj/ folders, listed in a runtime manifest that only builds write; without this, browsers
        // asking for gzip get empty files. A published portal has no such manifest, and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // The product and version of the server are nobody's business.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = configuration.GetValue("Security:Hsts:IncludeSubDomains", true);
            o.Preload = configuration.GetValue("Security:Hsts:Preload", false);
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the proxies named in configuration are believed (loopback by default), never any caller.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            }
        });
        return builder;
    }

    private static bool SecureCookies(IConfiguration configuration) => configuration.GetValue("Security:SecureCookies", true);

    private static void AddIdentity(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                // ASVS 2.1: length, not composition; the 128 cap is MaximumLengthPasswordValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<MaximumLengthPasswordValidator<ApplicationUser>>()
            .AddRegionalTrainingTwoFactor(configuration, SecureCookies(configuration));
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(3));
        services.AddScoped<SessionCookieEvents>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "rt.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = SecureCookies(configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = (configuration.GetSection(UserSessionOptions.Section).Get<UserSessionOptions>() ?? new UserSessionOptions()).IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.EventsType = typeof(SessionCookieEvents);
        });
        services.AddDecryptedTickets();
    }

    private static void AddEmail(WebApplicationBuilder builder)
    {
        var smtp = builder.Configuration.GetSection("Email:Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            builder.Services.AddSingleton(smtp);
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
            return;
        }

        var folder = builder.Configuration["Email:PickupFolder"] ?? "App_Data/mail";
        var path = Path.IsPathRooted(folder) ? folder : Path.Combine(builder.Environment.ContentRootPath, folder);
        builder.Services.AddSingleton<IEmailSender>(sp => new PickupFolderEmailSender(
            path, smtp.From, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PickupFolderEmailSender>>()));
    }
}
