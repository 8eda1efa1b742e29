using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Meetings.Corrections;

/// <summary>
/// Published means frozen: the one rule every command that changes a public part of a meeting (its title, dates,
/// venue, chair, agenda, attendance, interventions, decisions' texts, attachments and minutes) goes through. Before
/// the minutes are published anything may change; after, only a correction with a reason, which is recorded and
/// shown on the public page. The follow-up of decisions (status, notes) is not a public part of the record and does
/// not come here.
/// </summary>
public static class PublishedRecord
{
    /// <summary>The form field every correction's reason is posted in, where its error is shown.</summary>
    public const string ReasonField = "CorrectionReason";

    /// <summary>How long a before or after summary may be; a longer one is clipped (it is a reminder, the page itself is the record).</summary>
    public const int SummaryLength = FieldLengths.Text;

    /// <summary>Whether the change may be saved: always before publication, after it only with a reason no longer than its column.</summary>
    public static Result EnsureEditable(bool published, string? reason)
    {
        if (!published)
        {
            return Result.Success();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid(ReasonField, Messages.SummaryReasonRequired);
        }

        return reason.Trim().Length > FieldLengths.Reason
            ? Result.Invalid(ReasonField, Messages.CorrectionReasonTooLong, FieldLengths.Reason)
            : Result.Success();
    }

    /// <summary>A before or after summary as stored: null when empty, clipped to <see cref="SummaryLength"/>.</summary>
    public static string? Clip(string? summary)
    {
        var text = summary?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > SummaryLength ? text[..(SummaryLength - 1)] + "…" : text;
    }
}

/// <summary>What a service tells <see cref="MeetingAccess"/> about a change of a public part, to record it when the meeting is published.</summary>
public sealed record PublicChange(MeetingPart Part, string? Reason, string? Before, string? After);
