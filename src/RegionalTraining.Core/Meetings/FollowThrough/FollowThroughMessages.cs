namespace RegionalTraining.Core.Common;

/// <summary>Messages of the follow-up of the previous meeting and of escalation to the national office.</summary>
public static partial class Messages
{
    // The description of the "follow-up of the previous meeting" agenda item, written in both languages: {0} the previous meeting's title, {1} its date.
    public const string FollowUpAgendaDecisions = "Decisions of the previous meeting ({0}, {1}) still open:";
    public const string FollowUpAgendaNoDecision = "No decision of the previous meeting is still open.";

    // {0} the previous meeting's last day.
    public const string FollowUpAgendaItems = "Register items changed since {0}:";
    public const string FollowUpAgendaNoItem = "No register item changed since then.";

    // {0} how many lines did not fit.
    public const string FollowUpAgendaMore = "… and {0} more lines (see the register).";
}
