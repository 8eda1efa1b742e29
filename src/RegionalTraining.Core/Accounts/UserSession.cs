namespace RegionalTraining.Core.Accounts;

/// <summary>
/// One signed-in browser. The sign-in cookie only names its session; the session row decides whether the cookie
/// still opens anything, so signing out, "sign out everywhere", disabling the account or changing its password,
/// role or perimeter ends it on the very next request, on every web node, without waiting for the cookie to expire.
/// </summary>
public class UserSession
{
    public const int IdLength = 43;
    public const int UserAgentMaxLength = 300;
    public const int AddressMaxLength = 45;

    /// <summary>A random 256-bit value (base64url), never derived from the user.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    /// <summary>
    /// The account's security stamp when the session started (or was refreshed by the user himself): any later
    /// change of the stamp (password, role, perimeter, disabling, second factor) ends the session.
    /// </summary>
    public required string SecurityStamp { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Renewed at most every few minutes, so validating a session rarely writes.</summary>
    public DateTime LastSeenAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    public bool IsPersistent { get; set; }

    public string? UserAgent { get; set; }

    public string? Address { get; set; }
}
