using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Meetings;

public enum MeetingKind
{
    DirectorsMeeting = 1,
    ThematicWorkshop = 2,
    FieldVisit = 3,
    Other = 4,
}

public enum MeetingStatus
{
    Planned = 1,
    Held = 2,
    Cancelled = 3,
}

public enum AttendanceStatus
{
    Unknown = 0,
    Present = 1,
    Excused = 2,
    Absent = 3,
}

public enum AgendaItemType
{
    WelcomeSpeech = 1,
    OpeningRemarks = 2,
    EstablishmentPresentation = 3,
    Discussion = 4,
    ClosingStatement = 5,
    Other = 6,

    /// <summary>The follow-up of the previous meeting: its open decisions and the register items changed since.</summary>
    PreviousMeetingFollowUp = 7,
}

/// <summary>
/// A meeting of the directorate with its establishments: one or several days at a venue, an agenda,
/// attendance, interventions, decisions and a bilingual summary published on a public page of its own.
/// </summary>
public class Meeting : EditableEntity
{
    public int DirectorateId { get; set; }

    public Directorate? Directorate { get; set; }

    public required string TitleFr { get; set; }

    public required string TitleAr { get; set; }

    public MeetingKind Kind { get; set; } = MeetingKind.DirectorsMeeting;

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public int? VenueEstablishmentId { get; set; }

    public Establishment? VenueEstablishment { get; set; }

    /// <summary>Used when the venue is not an establishment (a hotel, the governor's office…).</summary>
    public string? VenueTextFr { get; set; }

    public string? VenueTextAr { get; set; }

    public string? ChairNameFr { get; set; }

    public string? ChairNameAr { get; set; }

    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    /// <summary>When true a planned meeting appears in the public calendar feed before its summary exists.</summary>
    public bool AnnouncedPublicly { get; set; }

    /// <summary>The readable part of the public address, fixed once the summary is published.</summary>
    public required string Slug { get; set; }

    public List<MeetingInvitation> Invitations { get; set; } = [];

    public List<AgendaItem> Agenda { get; set; } = [];

    public List<Intervention> Interventions { get; set; } = [];

    public List<Decision> Decisions { get; set; } = [];

    public MeetingSummary? Summary { get; set; }

    public List<MeetingAttachment> Attachments { get; set; } = [];

    /// <summary>The corrections made to its public parts after publication (those of the minutes are their revisions).</summary>
    public List<Corrections.MeetingCorrection> Corrections { get; set; } = [];

    /// <summary>The register items resolved since the previous meeting, frozen when the minutes were published.</summary>
    public List<FollowThrough.MeetingResolvedItem> ResolvedItems { get; set; } = [];
}

/// <summary>An invited establishment and whether it attended (with who represented it).</summary>
public class MeetingInvitation
{
    public int MeetingId { get; set; }

    public int EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public AttendanceStatus Attendance { get; set; }

    public string? RepresentedByFr { get; set; }

    public string? RepresentedByAr { get; set; }
}

public class AgendaItem
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int Position { get; set; }

    public AgendaItemType Type { get; set; }

    public string? TitleFr { get; set; }

    public string? TitleAr { get; set; }

    public string? SpeakerFr { get; set; }

    public string? SpeakerAr { get; set; }

    public int? PlannedMinutes { get; set; }

    /// <summary>
    /// What the item is about, written by the portal for the follow-up of the previous meeting (the open decisions and
    /// the register items changed since), in both languages. Working notes for the directorate: the public page does not show them.
    /// </summary>
    public string? DescriptionFr { get; set; }

    public string? DescriptionAr { get; set; }

    /// <summary>Which day of a meeting over several days (1 for the first).</summary>
    public int Day { get; set; } = 1;
}

/// <summary>
/// What a speaker said, summarised. A presentation by an establishment carries that establishment's key figures
/// for the meeting's training year, copied when the intervention is recorded so later edits of the profile
/// never change what was presented.
/// </summary>
public class Intervention
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int Position { get; set; }

    /// <summary>The speaker in French and in Arabic: at least one of the two.</summary>
    public string? SpeakerFr { get; set; }

    public string? SpeakerAr { get; set; }

    public string? RoleFr { get; set; }

    public string? RoleAr { get; set; }

    public int? EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public string? SummaryFr { get; set; }

    public string? SummaryAr { get; set; }

    public string? FiguresYear { get; set; }

    public int? FiguresTrainees { get; set; }

    public int? FiguresTraineesWomen { get; set; }

    public int? FiguresTrainers { get; set; }

    public int? FiguresProgrammes { get; set; }

    public string? FiguresTopNeeds { get; set; }

    public string? FiguresTopConstraints { get; set; }
}
