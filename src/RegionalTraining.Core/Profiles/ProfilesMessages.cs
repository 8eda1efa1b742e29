namespace RegionalTraining.Core.Common;

/// <summary>Messages of the identity sheets (profiles), their rules and their workflow.</summary>
public static partial class Messages
{
    public const string SectionSaved = "The section was saved.";
    public const string SectionConflict = "Someone else saved this section after you opened it. Your values were not saved and are still below; the value now saved is shown under each field that differs. Check them, then save again.";
    public const string SectionLocked = "This profile can no longer be changed: it is submitted or approved.";
    public const string ProfileChangedMeanwhile = "Someone saved a section of this profile while you were acting on it. Nothing was changed: check the profile and try again.";
    public const string ChooseProgramme = "Choose a programme from the list.";

    public const string NoOpenCampaign = "No collection campaign is open for this training year.";
    public const string FixErrorsFirst = "Correct the errors before submitting.";
    public const string ExplainWarnings = "Explain the warnings in the comment of each section concerned before submitting.";
    public const string CommentRequired = "Write a comment on at least one section.";
    public const string ReasonRequired = "Give the reason for reopening.";
    public const string ProfileSubmitted = "The profile was submitted to the directorate.";
    public const string ProfileReturned = "The profile was returned to the establishment with your comments.";
    public const string ProfileApproved = "The profile was approved and is now locked.";
    public const string ProfileReopened = "The profile was reopened; the establishment can correct it.";

    // Notifications to the establishment's directors, formatted when shown: {0} establishment, {1} year.
    public const string ReturnedNotice = "The profile of {0} for {1} was returned for correction.";
    public const string ReopenedNotice = "The approved profile of {0} for {1} was reopened: {2}";
    public const string ApprovedNotice = "The profile of {0} for {1} was approved.";
    public const string SubmittedNotice = "The profile of {0} for {1} was submitted and awaits your review.";

    // Rule findings.
    public const string WomenAboveTotal = "The number of women cannot be above the total ({0}).";
    public const string AboveCapacity = "The number of trainees ({0}) exceeds the number of places ({1}) by more than the allowed margin of {2} %.";
    public const string SectionEmpty = "This section must be filled in before submitting.";
    public const string NoProgramme = "Add at least one programme before submitting.";
    public const string ChangedFromLastYear = "{0} went from {1} last year to {2} ({3} %). Explain the change in the section comment.";
    public const string RatioOutOfRange = "Trainees per trainer: {0}, outside the usual range {1}–{2}. Explain it in the section comment.";
    public const string DuplicateProgramme = "This programme appears twice.";
}
