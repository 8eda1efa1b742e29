using System.ComponentModel.DataAnnotations;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>What every section form carries: the section's concurrency token and the comment explaining warnings.</summary>
public abstract class SectionForm
{
    public Guid Version { get; set; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(ProfileSectionState), nameof(ProfileSectionState.WarningComment))]
    [Display(Name = "Comment on this section (explain the warnings)")]
    public string? WarningComment { get; set; }

    [BindNever]
    public ProfileHeader Header { get; set; } = new();

    [BindNever]
    public IssueList Issues { get; set; } = IssueList.Empty;
}

[StoredAs(typeof(EstablishmentProfile))]
public sealed class GeneralForm : SectionForm
{
    [StringLength(FieldLengths.Address, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Address in French")]
    public string? AddressFr { get; set; }

    [StringLength(FieldLengths.Address, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Address in Arabic")]
    public string? AddressAr { get; set; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [RegularExpression(@"^[0-9+ ().-]{6,32}$", ErrorMessage = "Enter a phone number with digits, spaces, + or dashes.")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [StringLength(FieldLengths.Email, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [Range(1950, 2100, ErrorMessage = "The year must be between {1} and {2}.")]
    [Display(Name = "Opening year")]
    public int? OpeningYear { get; set; }

    [Display(Name = "Site area (m²)")]
    public int? SiteAreaSquareMetres { get; set; }

    [Display(Name = "Canteen")]
    public bool? HasCanteen { get; set; }

    [Display(Name = "State of the buildings")]
    public BuildingCondition? BuildingCondition { get; set; }
}

public sealed class HumanResourcesForm : SectionForm
{
    [Display(Name = "Permanent trainers")]
    public int? PermanentTrainers { get; set; }

    [Display(Name = "of which women")]
    public int? PermanentTrainersWomen { get; set; }

    [Display(Name = "Contract trainers")]
    public int? ContractTrainers { get; set; }

    [Display(Name = "of which women")]
    public int? ContractTrainersWomen { get; set; }

    [Display(Name = "Part-time trainers")]
    public int? PartTimeTrainers { get; set; }

    [Display(Name = "of which women")]
    public int? PartTimeTrainersWomen { get; set; }

    [Display(Name = "Administrative staff")]
    public int? AdministrativeStaff { get; set; }

    [Display(Name = "of which women")]
    public int? AdministrativeStaffWomen { get; set; }

    [Display(Name = "Support staff")]
    public int? SupportStaff { get; set; }

    [Display(Name = "of which women")]
    public int? SupportStaffWomen { get; set; }

    [Display(Name = "Vacant trainer posts")]
    public int? VacantTrainerPosts { get; set; }

    [Display(Name = "Other vacant posts")]
    public int? VacantOtherPosts { get; set; }
}

[StoredAs(typeof(ProfileEquipment))]
public sealed class EquipmentRow
{
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Equipment")]
    public string? Name { get; set; }

    [Display(Name = "Quantity")]
    public int? Quantity { get; set; }

    [Display(Name = "Condition")]
    public EquipmentCondition? Condition { get; set; }

    [Display(Name = "Remove")]
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name);
}

public sealed class MaterialResourcesForm : SectionForm
{
    [Display(Name = "Classrooms")]
    public int? Classrooms { get; set; }

    [Display(Name = "Workshops")]
    public int? Workshops { get; set; }

    [Display(Name = "Laboratories")]
    public int? Laboratories { get; set; }

    [Display(Name = "Computer rooms")]
    public int? ComputerRooms { get; set; }

    [Display(Name = "Computers")]
    public int? Computers { get; set; }

    [Display(Name = "Boarding places")]
    public int? BoardingPlaces { get; set; }

    public List<EquipmentRow> Equipment { get; set; } = [];
}

public sealed class ProgrammeRow
{
    [Display(Name = "Programme")]
    public int? ProgrammeId { get; set; }

    [Display(Name = "Groups")]
    public int Groups { get; set; }

    [Display(Name = "Places")]
    public int Capacity { get; set; }

    [Display(Name = "1st year trainees")]
    public int FirstYearTrainees { get; set; }

    [Display(Name = "of which women")]
    public int FirstYearWomen { get; set; }

    [Display(Name = "2nd year trainees")]
    public int SecondYearTrainees { get; set; }

    [Display(Name = "of which women")]
    public int SecondYearWomen { get; set; }

    [Display(Name = "Graduates last year")]
    public int GraduatesLastYear { get; set; }

    [Display(Name = "of which women")]
    public int GraduatesLastYearWomen { get; set; }

    [Display(Name = "Remove")]
    public bool Remove { get; set; }
}

public sealed class ProgrammesForm : SectionForm
{
    public List<ProgrammeRow> Programmes { get; set; } = [];

    [BindNever]
    public IReadOnlyList<ProgrammeOption> Catalogue { get; set; } = [];
}

[StoredAs(typeof(Need))]
public sealed class NeedRow
{
    public int? Id { get; set; }

    [Display(Name = "Category")]
    public NeedCategory Category { get; set; } = NeedCategory.Equipment;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "The number must be between {1} and {2}.")]
    [Display(Name = "Quantity")]
    public int? Quantity { get; set; }

    [Range(typeof(decimal), "0", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The amount must be between {1} and {2}.")]
    [Display(Name = "Estimated cost (MAD)")]
    public decimal? EstimatedCostMad { get; set; }

    [Display(Name = "Priority")]
    public Priority Priority { get; set; } = Priority.Medium;

    [Display(Name = "Remove")]
    public bool Remove { get; set; }
}

public sealed class NeedsForm : SectionForm
{
    public List<NeedRow> Needs { get; set; } = [];
}

[StoredAs(typeof(Constraint))]
public sealed class ConstraintRow
{
    public int? Id { get; set; }

    [Display(Name = "Category")]
    public NeedCategory Category { get; set; } = NeedCategory.Infrastructure;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Severity")]
    public Severity Severity { get; set; } = Severity.Moderate;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Effect on training")]
    public string? EffectOnTraining { get; set; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Proposed solution")]
    public string? ProposedSolution { get; set; }

    [Display(Name = "Remove")]
    public bool Remove { get; set; }
}

public sealed class ConstraintsForm : SectionForm
{
    public List<ConstraintRow> Constraints { get; set; } = [];
}
