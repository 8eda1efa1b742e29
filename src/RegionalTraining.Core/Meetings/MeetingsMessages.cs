using RegionalTraining.Core.Meetings.Minutes;

namespace RegionalTraining.Core.Common;

/// <summary>The messages of meetings, their minutes and attachments.</summary>
public static partial class Messages
{
    public const string MeetingSaved = "The meeting was saved.";
    public const string MeetingUpdated = "The meeting was updated.";
    public const string MeetingEndsBeforeStart = "The last day must be on or after the first day.";
    public const string MeetingChooseDirectorate = "Choose a directorate from the list.";
    public const string MeetingValueNotValid = "The value is not valid.";
    public const string SpeakerMissing = "Give the speaker's name in French or in Arabic.";
    public const string DecisionTextMissing = "Write the decision in French or in Arabic.";

    public const string SummarySaved = "The summary was saved.";
    public const string SummaryNotEditable = "The summary cannot be changed in its current state.";
    public const string SummaryReasonRequired = "Give the reason for the correction.";
    public const string SummaryConflict = "Someone else saved the summary after you opened it. Your text was not saved and is still below. Compare it with the revisions, then save again.";
    public const string SummarySentToReview = "The summary was sent for review.";
    public const string SummaryApproved = "The summary was approved.";
    public const string SummarySentBack = "The summary was sent back to draft.";
    public const string SummaryPublished = "The summary was published.";

    public const string AttachmentAdded = "The file was attached.";
    public const string AttachmentEmpty = "The file is empty.";
    public const string AttachmentTooLarge = "The file is larger than 10 MB.";
    public const string AttachmentWrongType = "Only JPEG or PNG photos and PDF documents can be attached.";

    /// <summary>What to tell after a change of the summary's state (a switch, so every key is a literal the resource tests see).</summary>
    public static string SummaryActionDone(SummaryAction action) => action switch
    {
        SummaryAction.SendToReview => SummarySentToReview,
        SummaryAction.Approve => SummaryApproved,
        SummaryAction.SendBack => SummarySentBack,
        SummaryAction.Publish => SummaryPublished,
        _ => SummarySaved,
    };

    public const string MinutesAwaitReviewNotice = "The minutes of {0} await your review.";
    public const string MinutesApprovedNotice = "The minutes of {0} were approved and can be published.";
}
