using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RegionalTraining.Web.Infrastructure.RateLimiting;

/// <summary>Names of the rate-limiting policies, as they appear in the logs.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in-per-address";
    public const string SignInPerAccount = "sign-in-per-account";
    public const string ForgotPassword = "forgot-password-per-address";
    public const string ForgotPasswordPerAccount = "forgot-password-per-account";
    public const string PublicArchive = "public-archive-per-address";
    public const string Exports = "exports-per-address";
}

/// <summary>
/// ASP.NET Core's rate limiter with one fixed-window policy per kind of request, partitioned by client address.
/// A refused request answers 429 with Retry-After; the status-code page middleware then renders the localized page.
/// </summary>
public static class RateLimitingSetup
{
    private const string LogCategory = "RegionalTraining.RateLimiting";

    public static IServiceCollection AddRegionalTrainingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.Section))
            .Validate(o => o.All.All(l => l.IsValid), "Every RateLimiting limit needs a PermitLimit above 0 and a Window above 00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<AccountRateLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
            AddPerAddress(o, RateLimitPolicies.SignIn, l => l.SignInPerAddress);
            AddPerAddress(o, RateLimitPolicies.ForgotPassword, l => l.ForgotPasswordPerAddress);
            AddPerAddress(o, RateLimitPolicies.PublicArchive, l => l.PublicArchivePerAddress);
            AddPerAddress(o, RateLimitPolicies.Exports, l => l.ExportsPerAddress);
        });
        return services;
    }

    /// <summary>Marks a refused request: status 429, Retry-After in whole seconds, one warning in the log.</summary>
    public static void Refuse(HttpContext context, string policy, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory).LogWarning(
            "Rate limit {Policy} refused {RequestMethod} {RequestPath} from {ClientAddress}",
            policy, context.Request.Method, context.Request.Path.Value, context.Connection.RemoteIpAddress?.ToString() ?? ClientAddress.Unknown);
    }

    private static void AddPerAddress(RateLimiterOptions options, string policy, Func<RateLimitingOptions, FixedWindowLimit> limit) =>
        options.AddPolicy(policy, context =>
        {
            var configured = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value);
            return RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.PartitionKey(context.Connection.RemoteIpAddress), _ => configured.ToLimiterOptions());
        });

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "unnamed";
        Refuse(context, policy, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        return ValueTask.CompletedTask;
    }
}
