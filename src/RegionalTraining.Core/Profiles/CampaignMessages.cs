namespace RegionalTraining.Core.Common;

/// <summary>Messages of collection campaigns.</summary>
public static partial class Messages
{
    public const string CampaignOpened = "The campaign was opened.";
    public const string CampaignDeadlineBeforeOpening = "The deadline must be on or after the opening date.";
    public const string CampaignAlreadyExists = "A campaign already exists for this training year.";
    public const string ChooseTrainingYear = "Choose a training year from the list.";
    public const string RemindersSent = "Reminders were sent to the establishments that have not submitted.";
    public const string NoReminderToSend = "Every establishment has submitted: no reminder to send.";

    /// <summary>A notification: the establishment, the training year, the deadline.</summary>
    public const string CampaignReminder = "Reminder: the profile of {0} for {1} is expected by {2}.";
}
