using System.Threading.RateLimiting;

namespace RegionalTraining.Web.Infrastructure.RateLimiting;

/// <summary>
/// The "RateLimiting" configuration section. The defaults here are the ones documented in appsettings.json and
/// docs/operations.md; every limit counts in memory, per web node.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in form posts from one client address.</summary>
    public FixedWindowLimit SignInPerAddress { get; set; } = new(20, TimeSpan.FromMinutes(1));

    /// <summary>Failed sign-ins for one e-mail address, whether or not an account has it.</summary>
    public FixedWindowLimit SignInPerAccount { get; set; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>"Forgot your password?" form posts from one client address.</summary>
    public FixedWindowLimit ForgotPasswordPerAddress { get; set; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Reset e-mails for one e-mail address; beyond it the form still answers, but nothing is sent.</summary>
    public FixedWindowLimit ForgotPasswordPerAccount { get; set; } = new(3, TimeSpan.FromHours(1));

    /// <summary>Public archive pages, search and feeds from one client address.</summary>
    public FixedWindowLimit PublicArchivePerAddress { get; set; } = new(120, TimeSpan.FromMinutes(1));

    /// <summary>Dashboard downloads (CSV, XLSX) from one client address.</summary>
    public FixedWindowLimit ExportsPerAddress { get; set; } = new(30, TimeSpan.FromMinutes(1));

    internal IEnumerable<FixedWindowLimit> All =>
        [SignInPerAddress, SignInPerAccount, ForgotPasswordPerAddress, ForgotPasswordPerAccount, PublicArchivePerAddress, ExportsPerAddress];
}

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/>; the window opens with the first request.</summary>
public sealed class FixedWindowLimit
{
    public FixedWindowLimit()
    {
    }

    public FixedWindowLimit(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;

    // No queue: a request over the limit is answered at once rather than held open.
    internal FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}
