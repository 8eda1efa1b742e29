using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Archive;
using RegionalTraining.Core.Meetings.Corrections;
using RegionalTraining.Core.Meetings.Decisions;
using RegionalTraining.Core.Meetings.FollowThrough;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.ViewModels.Meetings;

[StoredAs(typeof(Meeting))]
public sealed class MeetingForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Title, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Title in French")]
    public string TitleFr { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Title, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Title in Arabic")]
    public string TitleAr { get; set; } = string.Empty;

    [Display(Name = "Kind")]
    public MeetingKind Kind { get; set; } = MeetingKind.DirectorsMeeting;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "First day")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Last day")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Venue (establishment)")]
    public int? VenueEstablishmentId { get; set; }

    [StringLength(FieldLengths.Title, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Other venue in French")]
    public string? VenueTextFr { get; set; }

    [StringLength(FieldLengths.Title, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Other venue in Arabic")]
    public string? VenueTextAr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Chair in French")]
    public string? ChairNameFr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Chair in Arabic")]
    public string? ChairNameAr { get; set; }

    [Display(Name = "Status")]
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    [Display(Name = "Announce in the public calendar")]
    public bool AnnouncedPublicly { get; set; }

    [Display(Name = "Invited establishments")]
    public List<int> InvitedEstablishmentIds { get; set; } = [];

    [Display(Name = "Directorate")]
    public int? DirectorateId { get; set; }

    [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    public string? RowVersion { get; set; }

    [BindNever]
    public IReadOnlyList<Option> Establishments { get; set; } = [];

    [BindNever]
    public IReadOnlyList<Option> Directorates { get; set; } = [];

    [BindNever]
    public bool ChooseDirectorate { get; set; }

    /// <summary>Set after publication: the form then asks for the reason of the correction.</summary>
    [StringLength(FieldLengths.Reason, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(MeetingCorrection), nameof(MeetingCorrection.Reason))]
    [Display(Name = "Reason for the correction")]
    public string? CorrectionReason { get; set; }

    /// <summary>Whether the meeting's minutes are published (read from the meeting, never posted).</summary>
    [BindNever]
    public bool Published { get; set; }

    /// <summary>On creation: put the follow-up of the previous meeting on the agenda (ticked on the new form; an unticked box posts false).</summary>
    [Display(Name = "Put the follow-up of the previous meeting on the agenda")]
    public bool FollowUpOfPrevious { get; set; }

    /// <summary>The meeting the follow-up would be of, shown next to the box; null when there is none (the box is then not offered).</summary>
    [BindNever]
    public PreviousMeeting? Previous { get; set; }

    /// <summary>
    /// For a caller who chooses the directorate: each directorate's previous meeting, so the offer names the chosen
    /// directorate's (a directorate missing here has none); <see cref="Previous"/> is then null.
    /// </summary>
    [BindNever]
    public IReadOnlyDictionary<int, PreviousMeeting> PreviousByDirectorate { get; set; } = new Dictionary<int, PreviousMeeting>();

    public static MeetingForm From(MeetingEdit meeting)
    {
        var m = meeting.Input;
        return new MeetingForm
        {
            Id = meeting.Id, TitleFr = m.TitleFr, TitleAr = m.TitleAr, Kind = m.Kind, StartsOn = m.StartsOn, EndsOn = m.EndsOn,
            VenueEstablishmentId = m.VenueEstablishmentId, VenueTextFr = m.VenueTextFr, VenueTextAr = m.VenueTextAr,
            ChairNameFr = m.ChairNameFr, ChairNameAr = m.ChairNameAr, Status = m.Status,
            AnnouncedPublicly = m.AnnouncedPublicly, InvitedEstablishmentIds = [.. m.InvitedEstablishmentIds],
            DirectorateId = meeting.DirectorateId, RowVersion = FormTokens.Encode(meeting.RowVersion), Published = meeting.Published,
        };
    }

    public MeetingInput ToInput() => new(TitleFr, TitleAr, Kind, StartsOn!.Value, EndsOn!.Value, VenueEstablishmentId, VenueTextFr, VenueTextAr, ChairNameFr, ChairNameAr, Status,
        AnnouncedPublicly, InvitedEstablishmentIds) { FollowUpOfPrevious = Id is null && FollowUpOfPrevious };
}

/// <summary>The items resolved since the previous meeting: in full for staff, as counts per establishment for the public.</summary>
public sealed record ResolvedSinceViewModel(IReadOnlyList<ResolvedItemRecord> Items, bool IsPublic, bool Frozen)
{
    public static ResolvedSinceViewModel For(MeetingPage meeting, bool isPublic) =>
        new(meeting.ResolvedSince, isPublic, meeting.Summary?.Status == SummaryStatus.Published);
}

public sealed record MeetingIndexViewModel(IReadOnlyList<MeetingListItem> Meetings);

/// <summary>The staff page of one meeting: everything recorded, with the forms to add to it.</summary>
public sealed record MeetingDetailsViewModel(MeetingPage Meeting, IReadOnlyList<Option> Establishments, LinkableItems Linkable, IReadOnlyList<SummaryAction> SummaryActions);

[StoredAs(typeof(MeetingSummary))]
public sealed class SummaryForm
{
    public int MeetingId { get; set; }

    [StringLength(FieldLengths.Minutes, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Summary in French")]
    public string BodyFr { get; set; } = string.Empty;

    [StringLength(FieldLengths.Minutes, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Summary in Arabic")]
    public string BodyAr { get; set; } = string.Empty;

    [StringLength(FieldLengths.PressStatement, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Press statement in French")]
    public string? PressStatementFr { get; set; }

    [StringLength(FieldLengths.PressStatement, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Press statement in Arabic")]
    public string? PressStatementAr { get; set; }

    [StringLength(FieldLengths.Reason, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(SummaryRevision), nameof(SummaryRevision.Reason))]
    [Display(Name = "Reason for the correction")]
    public string? CorrectionReason { get; set; }

    [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    public string? RowVersion { get; set; }

    [BindNever]
    public SummaryStatus Status { get; set; } = SummaryStatus.Draft;

    [BindNever]
    public string MeetingTitleFr { get; set; } = string.Empty;

    [BindNever]
    public string MeetingTitleAr { get; set; } = string.Empty;

    [BindNever]
    public int RevisionCount { get; set; }

    public static SummaryForm From(SummaryDraft draft) => new SummaryForm
    {
        BodyFr = draft.Text.BodyFr, BodyAr = draft.Text.BodyAr, PressStatementFr = draft.Text.PressStatementFr, PressStatementAr = draft.Text.PressStatementAr,
    }.Showing(draft);

    /// <summary>What the page shows around the fields; the version is the stored one (a posted version still in the model state wins).</summary>
    public SummaryForm Showing(SummaryDraft draft)
    {
        MeetingId = draft.MeetingId;
        Status = draft.Status;
        MeetingTitleFr = draft.MeetingTitleFr;
        MeetingTitleAr = draft.MeetingTitleAr;
        RevisionCount = draft.RevisionCount;
        RowVersion = draft.RowVersion is null ? null : FormTokens.Encode(draft.RowVersion);
        return this;
    }

    public SummaryInput ToInput() => new(BodyFr ?? string.Empty, BodyAr ?? string.Empty, PressStatementFr, PressStatementAr);
}

public sealed record ActionListViewModel(IReadOnlyList<ActionListItem> Items, bool OverdueOnly);

public sealed record ArchiveViewModel(PagedResult<PublishedMeetingItem> Result, string? Search)
{
    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, "Index", new Dictionary<string, string?> { ["q"] = Search });
}

/// <summary>A meeting as printed or shown publicly: <see cref="IsPublic"/> hides what only staff see.</summary>
public sealed record MeetingPageViewModel(MeetingPage Meeting, bool IsPublic, string? PublicUrl);
