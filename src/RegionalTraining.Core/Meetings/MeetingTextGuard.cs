using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Meetings;

/// <summary>The guard of a part added to a meeting with a text in French, Arabic or both (a decision, an intervention).</summary>
public static class MeetingTextGuard
{
    /// <summary>
    /// The meeting when the scope may edit it (with the reason a published one needs) and the text is given in at least
    /// one language; otherwise the refusal, the missing text reported on <paramref name="field"/>.
    /// </summary>
    public static async Task<Result<ManagedMeeting>> FindEditableWithTextAsync(
        this MeetingAccess access, AccessScope scope, int meetingId, string? correctionReason, Bilingual text, string field, string missingMessage,
        CancellationToken cancellationToken)
    {
        var editable = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        return editable.Succeeded && text.IsEmpty ? Result.Invalid(field, missingMessage).With<ManagedMeeting>() : editable;
    }
}
