using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RegionalTraining.Web.Infrastructure.RateLimiting;

/// <summary>
/// Limits counted per e-mail address rather than per client. They live here, not in the rate-limiting middleware,
/// because the middleware decides before the form is read. The key is the normalized e-mail whether or not an
/// account has it, so a refusal says nothing about which accounts exist.
/// </summary>
public sealed class AccountRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failedSignIns;
    private readonly PartitionedRateLimiter<string> _resetRequests;

    public AccountRateLimits(IOptions<RateLimitingOptions> options)
    {
        _failedSignIns = Create(options.Value.SignInPerAccount);
        _resetRequests = Create(options.Value.ForgotPasswordPerAccount);
    }

    /// <summary>
    /// How long the e-mail must wait before another sign-in attempt, or null when it may try now. Asked before the
    /// password is checked, and takes nothing: only failures count (<see cref="CountFailedSignIn"/>), so people who
    /// sign in successfully, many times a day, never reach the limit.
    /// </summary>
    public TimeSpan? SignInBlockedFor(string email)
    {
        using var lease = _failedSignIns.AttemptAcquire(Key(email), 0);
        return RetryAfter(lease);
    }

    public void CountFailedSignIn(string email)
    {
        using var lease = _failedSignIns.AttemptAcquire(Key(email));
    }

    /// <summary>Takes one reset e-mail for the address; null when it may be sent, otherwise how long until the next.</summary>
    public TimeSpan? TakePasswordReset(string email)
    {
        using var lease = _resetRequests.AttemptAcquire(Key(email));
        return RetryAfter(lease);
    }

    public void Dispose()
    {
        _failedSignIns.Dispose();
        _resetRequests.Dispose();
    }

    // Identity's default normalizer (upper-case invariant), after trimming: never finer than the account lookup.
    internal static string Key(string email) => email.Trim().ToUpperInvariant();

    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Create(FixedWindowLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => limit.ToLimiterOptions()));
}
