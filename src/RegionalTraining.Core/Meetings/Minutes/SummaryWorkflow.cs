using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Core.Meetings.Minutes;

public enum SummaryAction
{
    Edit = 1,
    SendToReview = 2,
    SendBack = 3,
    Approve = 4,
    Publish = 5,
    Correct = 6,
}

/// <summary>
/// Draft → in review → approved by the regional director → published (frozen). The regional director may send
/// a summary in review back to draft. A published summary changes only by a correction, with its reason.
/// Staff and the regional director of the meeting's directorate write; only the regional director approves.
/// </summary>
public static class SummaryWorkflow
{
    public static SummaryStatus? Next(SummaryStatus status, SummaryAction action) => (status, action) switch
    {
        (SummaryStatus.Draft, SummaryAction.Edit) => SummaryStatus.Draft,
        (SummaryStatus.Draft, SummaryAction.SendToReview) => SummaryStatus.InReview,
        (SummaryStatus.InReview, SummaryAction.SendBack) => SummaryStatus.Draft,
        (SummaryStatus.InReview, SummaryAction.Approve) => SummaryStatus.Approved,
        (SummaryStatus.Approved, SummaryAction.SendBack) => SummaryStatus.Draft,
        (SummaryStatus.Approved, SummaryAction.Publish) => SummaryStatus.Published,
        (SummaryStatus.Published, SummaryAction.Correct) => SummaryStatus.Published,
        _ => null,
    };

    public static bool MayAct(AccessScope scope, SummaryAction action, int directorateId) => action switch
    {
        SummaryAction.Approve or SummaryAction.SendBack =>
            scope.Roles.Contains(Roles.RegionalDirector) && scope.DirectorateId == directorateId,
        _ => scope.IsDirectorateMember && scope.DirectorateId == directorateId,
    };

    public static bool Can(AccessScope scope, SummaryAction action, SummaryStatus status, int directorateId) =>
        Next(status, action) is not null && MayAct(scope, action, directorateId);

    /// <summary>The buttons of a meeting's page: the changes of state this caller may make to its summary now.</summary>
    public static IReadOnlyList<SummaryAction> Allowed(AccessScope scope, SummaryStatus? status, int directorateId) =>
        status is { } current
            ? [.. new[] { SummaryAction.SendToReview, SummaryAction.Approve, SummaryAction.SendBack, SummaryAction.Publish }.Where(a => Can(scope, a, current, directorateId))]
            : [];
}
