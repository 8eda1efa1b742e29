using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Profiles;

public enum ProfileStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
}

/// <summary>The sections of the identity sheet; each is saved, checked, commented and locked on its own.</summary>
public enum ProfileSection
{
    General = 1,
    HumanResources = 2,
    MaterialResources = 3,
    Programmes = 4,
    Needs = 5,
    Constraints = 6,
}

public enum BuildingCondition
{
    Good = 1,
    Fair = 2,
    Poor = 3,
    Dilapidated = 4,
}

public enum EquipmentCondition
{
    Working = 1,
    NeedsRepair = 2,
    OutOfService = 3,
}

/// <summary>
/// One establishment's identity sheet for one training year. Counts are stored as a total and "of which women",
/// the way the office's statistics are kept, so "women above total" is a rule rather than impossible by design.
/// </summary>
public class EstablishmentProfile : EditableEntity
{
    public int EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public int TrainingYearId { get; set; }

    public TrainingYear? TrainingYear { get; set; }

    public int? CampaignId { get; set; }

    public CollectionCampaign? Campaign { get; set; }

    public ProfileStatus Status { get; set; } = ProfileStatus.Draft;

    /// <summary>The approved profile this one was pre-filled from, if any.</summary>
    public int? PrefilledFromId { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>Set at the first submission after the campaign deadline; never cleared.</summary>
    public bool SubmittedLate { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    public string? ApprovedBy { get; set; }

    // General
    public string? AddressFr { get; set; }

    public string? AddressAr { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public int? OpeningYear { get; set; }

    public int? SiteAreaSquareMetres { get; set; }

    public bool? HasCanteen { get; set; }

    public BuildingCondition? BuildingCondition { get; set; }

    // Human resources
    public int? PermanentTrainers { get; set; }

    public int? PermanentTrainersWomen { get; set; }

    public int? ContractTrainers { get; set; }

    public int? ContractTrainersWomen { get; set; }

    public int? PartTimeTrainers { get; set; }

    public int? PartTimeTrainersWomen { get; set; }

    public int? AdministrativeStaff { get; set; }

    public int? AdministrativeStaffWomen { get; set; }

    public int? SupportStaff { get; set; }

    public int? SupportStaffWomen { get; set; }

    public int? VacantTrainerPosts { get; set; }

    public int? VacantOtherPosts { get; set; }

    // Material resources
    public int? Classrooms { get; set; }

    public int? Workshops { get; set; }

    public int? Laboratories { get; set; }

    public int? ComputerRooms { get; set; }

    public int? Computers { get; set; }

    public int? BoardingPlaces { get; set; }

    public List<ProfileEquipment> Equipment { get; set; } = [];

    public List<ProfileProgramme> Programmes { get; set; } = [];

    public List<ProfileSectionState> Sections { get; set; } = [];

    public int TotalTrainers => (PermanentTrainers ?? 0) + (ContractTrainers ?? 0) + (PartTimeTrainers ?? 0);

    public int TotalTrainees => Programmes.Sum(p => p.TotalTrainees);

    public int TotalTraineesWomen => Programmes.Sum(p => p.TotalTraineesWomen);
}

/// <summary>A key piece of equipment: name, quantity and condition.</summary>
public class ProfileEquipment
{
    public int Id { get; set; }

    public int ProfileId { get; set; }

    public required string Name { get; set; }

    public int Quantity { get; set; }

    public EquipmentCondition Condition { get; set; }
}

/// <summary>One programme offered in the profile's year, with trainees by year of study.</summary>
public class ProfileProgramme
{
    public int Id { get; set; }

    public int ProfileId { get; set; }

    public int ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public int Groups { get; set; }

    public int Capacity { get; set; }

    public int FirstYearTrainees { get; set; }

    public int FirstYearWomen { get; set; }

    public int SecondYearTrainees { get; set; }

    public int SecondYearWomen { get; set; }

    public int GraduatesLastYear { get; set; }

    public int GraduatesLastYearWomen { get; set; }

    public int TotalTrainees => FirstYearTrainees + SecondYearTrainees;

    public int TotalTraineesWomen => FirstYearWomen + SecondYearWomen;
}

/// <summary>
/// Per-section state: its own concurrency token (two people may save different sections at once, but a stale
/// save of the same section is refused), the reviewer's comment when returned, and the director's comment
/// explaining the section's warnings.
/// </summary>
public class ProfileSectionState
{
    public int ProfileId { get; set; }

    public ProfileSection Section { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    public string? ReviewComment { get; set; }

    public string? WarningComment { get; set; }
}
