namespace RegionalTraining.Core.Accounts;

/// <summary>
/// What the session check (<see cref="UserSessions.IsOpenAsync"/>) read for the request it admitted, in the same single
/// query: the access scope, whether the account has two-factor sign-in on, the number of unread notices and the figures
/// stamp. One per request (scoped): the access scope, the two-factor enrolment filter, the notices badge and the
/// dashboard read it instead of querying again, so a signed-in page starts with one database read
/// (docs/decisions/0029-one-read-per-signed-in-request.md). Nothing here outlives the request, so
/// permissions still come from the database on every request.
/// </summary>
public sealed class SignedInRequest
{
    /// <summary>The user the values were read for; a reader checks it is the request's user before using them.</summary>
    public string? UserId { get; private set; }

    /// <summary>The access scope, as <see cref="AccessScopeProvider"/> would read it; null when not read.</summary>
    public AccessScope? Scope { get; private set; }

    /// <summary>
    /// Whether the account has two-factor sign-in on, which the enrolment filter asks on every request of a role that
    /// requires it; null when not read, or no longer trusted (<see cref="ForgetChangeable"/>).
    /// </summary>
    public bool? TwoFactorEnabled { get; private set; }

    /// <summary>Unread notices of the user; null when not read, or no longer trusted (<see cref="ForgetChangeable"/>).</summary>
    public int? UnreadNotices { get; private set; }

    /// <summary>The <see cref="Data.Versions.DataArea.Figures"/> stamp; null when not read, or no longer trusted.</summary>
    public string? FiguresStamp { get; private set; }

    internal void Fill(AccessScope scope, bool twoFactorEnabled, int unreadNotices, string figuresStamp)
    {
        UserId = scope.UserId;
        Scope = scope;
        TwoFactorEnabled = twoFactorEnabled;
        UnreadNotices = unreadNotices;
        FiguresStamp = figuresStamp;
    }

    /// <summary>
    /// For a request that may write (anything but GET and HEAD): the two-factor flag, the count and the stamp read before
    /// it wrote could be out of date when its page shows them, so their readers query again. The scope stays: it is what
    /// was checked.
    /// </summary>
    public void ForgetChangeable()
    {
        TwoFactorEnabled = null;
        UnreadNotices = null;
        FiguresStamp = null;
    }

    /// <summary>The scope read for <paramref name="userId"/>, or null.</summary>
    public AccessScope? ScopeFor(string userId) => UserId == userId ? Scope : null;

    /// <summary>The two-factor flag read for <paramref name="userId"/>, or null.</summary>
    public bool? TwoFactorEnabledFor(string userId) => UserId == userId ? TwoFactorEnabled : null;

    /// <summary>The unread count read for <paramref name="userId"/>, or null.</summary>
    public int? UnreadNoticesFor(string userId) => UserId == userId ? UnreadNotices : null;
}
