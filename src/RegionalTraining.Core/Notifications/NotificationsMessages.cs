namespace RegionalTraining.Core.Common;

/// <summary>Messages of notices, their preferences and the digests e-mailed by the background job.</summary>
public static partial class Messages
{
    public const string NoticePreferencesSaved = "Your notice preferences were saved.";
    public const string NoticeKindNotYours = "You do not receive this kind of notice.";

    public const string DailyDigestSubject = "Your daily digest from RegionalTraining";
    public const string DailyDigestIntro = "The notices you chose to receive once a day:";
    public const string WeeklyDigestSubject = "Weekly register digest";

    // {0}: the first day of the week covered, {1}: its last day (ISO dates).
    public const string WeeklyDigestIntro = "Needs and constraints of your directorate, week from {0} to {1}:";
    public const string WeeklyDigestNewItems = "New items raised this week";
    public const string WeeklyDigestOverdueItems = "Overdue items";

    // {0}: the due date (ISO).
    public const string WeeklyDigestDueOn = "due {0}";
}
