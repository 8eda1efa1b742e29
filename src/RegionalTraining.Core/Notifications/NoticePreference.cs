using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Notifications;

/// <summary>The kinds of notice whose e-mail a person may hold for the daily digest.</summary>
public enum NoticeKind
{
    SheetSubmitted = 1,
    MinutesAwaitingReview = 2,
    MinutesApproved = 3,
    SheetReturned = 4,
}

public enum NoticeDelivery
{
    Immediately = 1,
    DailyDigest = 2,
}

/// <summary>One person's choice for one kind of notice; no row means <see cref="NoticeDelivery.Immediately"/>.</summary>
public class NoticePreference
{
    public required string UserId { get; set; }

    public NoticeKind Kind { get; set; }

    public NoticeDelivery Delivery { get; set; }
}

/// <summary>Which message is which kind of notice, and who receives which kind.</summary>
public static class NoticeKinds
{
    public static NoticeKind? Of(string messageKey) => messageKey switch
    {
        Messages.SubmittedNotice => NoticeKind.SheetSubmitted,
        Messages.MinutesAwaitReviewNotice => NoticeKind.MinutesAwaitingReview,
        Messages.MinutesApprovedNotice => NoticeKind.MinutesApproved,
        Messages.ReturnedNotice => NoticeKind.SheetReturned,
        _ => null,
    };

    /// <summary>
    /// The kinds a person with these roles receives: the regional director reviews (sheets submitted, minutes to
    /// review), staff follow up (minutes approved, sheets returned).
    /// </summary>
    public static IReadOnlyList<NoticeKind> For(IReadOnlySet<string> roles)
    {
        var kinds = new List<NoticeKind>();
        if (roles.Contains(Roles.RegionalDirector))
        {
            kinds.AddRange([NoticeKind.SheetSubmitted, NoticeKind.MinutesAwaitingReview]);
        }

        if (roles.Contains(Roles.DirectorateStaff))
        {
            kinds.AddRange([NoticeKind.MinutesApproved, NoticeKind.SheetReturned]);
        }

        return kinds;
    }
}
