using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Core.Meetings;

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
}

/// <summary>Readable, stable public addresses: "2023-01-20-rencontre-des-directeurs-mirleft".</summary>
public static class MeetingSlug
{
    public static string For(DateOnly startsOn, string titleFr)
    {
        var folded = Common.Bilingual.Normalise(titleFr);
        var words = new System.Text.StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                words.Append(c);
            }
            else if (words.Length > 0 && words[^1] != '-')
            {
                words.Append('-');
            }
        }

        var text = words.ToString().Trim('-');
        if (text.Length > 70)
        {
            text = text[..70].TrimEnd('-');
        }

        var date = startsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return text.Length == 0 ? date : $"{date}-{text}";
    }
}
