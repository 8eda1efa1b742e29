using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
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
    [Display(Name = "Other venue")]
    public string? VenueText { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Chair")]
    public string? ChairName { get; set; }

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

    public MeetingInput ToInput() => new(TitleFr, TitleAr, Kind, StartsOn!.Value, EndsOn!.Value, VenueEstablishmentId, VenueText, ChairName, Status, AnnouncedPublicly, InvitedEstablishmentIds);
}

public sealed record MeetingIndexViewModel(IReadOnlyList<MeetingListItem> Meetings);

/// <summary>The staff page of one meeting: everything recorded, with the forms to add to it.</summary>
public sealed record MeetingDetailsViewModel(
    Meeting Meeting, IReadOnlyList<Option> Establishments, IReadOnlyList<ConstraintOption> Constraints, IReadOnlyList<ConstraintOption> Needs,
    bool CanSendToReview, bool CanApprove, bool CanSendBack, bool CanPublish);

public sealed record ConstraintOption(int Id, string EstablishmentFr, string EstablishmentAr, string Description);

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
    public IReadOnlyList<SummaryRevision> Revisions { get; set; } = [];
}

public sealed record RevisionsViewModel(Meeting Meeting, IReadOnlyList<SummaryRevision> Revisions, SummaryRevision? Shown, SummaryRevision? Previous);

public sealed record ActionListViewModel(IReadOnlyList<ActionListItem> Items, bool OverdueOnly);

public sealed record ArchiveViewModel(PagedResult<PublishedMeetingItem> Result, string? Search)
{
    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, "Index", new Dictionary<string, string?> { ["q"] = Search });
}

/// <summary>A meeting as printed or shown publicly: <see cref="IsPublic"/> hides what only staff see.</summary>
public sealed record MeetingPageViewModel(Meeting Meeting, bool IsPublic, string? PublicUrl);
