using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attendance;
using RegionalTraining.Core.Meetings.Corrections;
using RegionalTraining.Core.Meetings.Decisions;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.Web.Infrastructure.Input;

namespace RegionalTraining.Web.ViewModels.Meetings;

// The small forms of a meeting's page. Their fields keep the lower-case names the page posts (binding ignores case).

[StoredAs(typeof(AgendaItem))]
public sealed class AgendaItemForm
{
    [Display(Name = "Type")]
    public AgendaItemType Type { get; set; } = AgendaItemType.Other;

    [StringLength(FieldLengths.Title, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Title in French")]
    public string? TitleFr { get; set; }

    [StringLength(FieldLengths.Title, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Title in Arabic")]
    public string? TitleAr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Speaker in French")]
    public string? SpeakerFr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Speaker in Arabic")]
    public string? SpeakerAr { get; set; }

    [Range(1, 24 * 60, ErrorMessage = "The number must be between {1} and {2}.")]
    [Display(Name = "Minutes")]
    public int? PlannedMinutes { get; set; }

    [Range(1, 31, ErrorMessage = "The number must be between {1} and {2}.")]
    [Display(Name = "Day")]
    public int Day { get; set; } = 1;

    public AgendaInput ToInput() => new(Type, TitleFr, TitleAr, SpeakerFr, SpeakerAr, PlannedMinutes, Day);
}

[StoredAs(typeof(MeetingInvitation))]
public sealed class AttendanceRow
{
    public int EstablishmentId { get; set; }

    [Display(Name = "Attendance")]
    public AttendanceStatus Attendance { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Represented by in French")]
    public string? RepresentedByFr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Represented by in Arabic")]
    public string? RepresentedByAr { get; set; }

    public static IReadOnlyList<AttendanceInput> ToInput(IEnumerable<AttendanceRow> rows) =>
        [.. rows.Select(r => new AttendanceInput(r.EstablishmentId, r.Attendance, r.RepresentedByFr, r.RepresentedByAr))];
}

[StoredAs(typeof(Intervention))]
public sealed class InterventionForm : IValidatableObject
{
    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Speaker in French")]
    public string? SpeakerFr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Speaker in Arabic")]
    public string? SpeakerAr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Role in French")]
    public string? RoleFr { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Role in Arabic")]
    public string? RoleAr { get; set; }

    [Display(Name = "Establishment presented")]
    public int? EstablishmentId { get; set; }

    [StringLength(FieldLengths.InterventionSummary, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Summary in French")]
    public string? SummaryFr { get; set; }

    [StringLength(FieldLengths.InterventionSummary, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Summary in Arabic")]
    public string? SummaryAr { get; set; }

    public InterventionInput ToInput() => new(SpeakerFr, SpeakerAr, RoleFr, RoleAr, EstablishmentId, SummaryFr, SummaryAr);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        new Bilingual(SpeakerFr, SpeakerAr).IsEmpty ? [new ValidationResult(Messages.SpeakerMissing, [nameof(SpeakerFr)])] : [];
}

[StoredAs(typeof(Decision))]
public sealed class DecisionForm : IValidatableObject
{
    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Decision in French")]
    public string? TextFr { get; set; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Decision in Arabic")]
    public string? TextAr { get; set; }

    [Display(Name = "Owner")]
    public DecisionOwnerKind OwnerKind { get; set; } = DecisionOwnerKind.Directorate;

    [Display(Name = "Owner establishment")]
    public int? OwnerEstablishmentId { get; set; }

    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Partner")]
    public string? OwnerPartner { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueOn { get; set; }

    public List<int> ConstraintIds { get; set; } = [];

    public List<int> NeedIds { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        new Bilingual(TextFr, TextAr).IsEmpty ? [new ValidationResult(Messages.DecisionTextMissing, [nameof(TextFr)])] : [];

    public DecisionInput ToInput() => new(TextFr, TextAr, OwnerKind, OwnerEstablishmentId, OwnerPartner, DueOn, ConstraintIds, NeedIds);
}

[StoredAs(typeof(DecisionNote))]
public sealed class DecisionNoteForm
{
    public int DecisionId { get; set; }

    [Required(ErrorMessage = "Write the progress note.")]
    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Progress note")]
    public string? Text { get; set; }

    [Display(Name = "Status")]
    public DecisionStatus Status { get; set; } = DecisionStatus.Open;

    public DecisionNoteInput ToInput() => new(DecisionId, Text!, Status);
}

/// <summary>The reason a form of a published meeting gives for its correction (see <see cref="PublishedRecord"/>); empty before publication.</summary>
[StoredAs(typeof(MeetingCorrection))]
public sealed class CorrectionForm
{
    [StringLength(FieldLengths.Reason, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(MeetingCorrection), nameof(MeetingCorrection.Reason))]
    [Display(Name = "Reason for the correction")]
    public string? CorrectionReason { get; set; }
}

[StoredAs(typeof(MeetingAttachment))]
public sealed class AttachmentForm
{
    [StringLength(FieldLengths.Reason, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(MeetingCorrection), nameof(MeetingCorrection.Reason))]
    [Display(Name = "Reason for the correction")]
    public string? CorrectionReason { get; set; }

    public IFormFile? File { get; set; }

    [StringLength(FieldLengths.Title, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Caption")]
    public string? Caption { get; set; }
}

/// <summary>
/// The reason field a form of a published meeting shows: <paramref name="Id"/> of the input, what was typed, the error
/// to show next to it; <paramref name="Compact"/> for the small button forms (no visible label, the placeholder and
/// the accessible name say it).
/// </summary>
public sealed record CorrectionReasonField(string Id, string? Value = null, string? Error = null, bool Compact = false);
