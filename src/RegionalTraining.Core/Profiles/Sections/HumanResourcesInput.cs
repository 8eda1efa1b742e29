using System.ComponentModel.DataAnnotations;

namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>
/// Staff as the office counts them: a total and "of which women" per category. Everything carries over to a
/// new year (the director corrects what changed).
/// </summary>
public sealed record HumanResourcesInput : ISectionInput
{
    private const string RangeMessage = "The number must be between {1} and {2}.";

    public static ProfileSection Section => ProfileSection.HumanResources;

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Permanent trainers")]
    public int? PermanentTrainers { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int? PermanentTrainersWomen { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Contract trainers")]
    public int? ContractTrainers { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int? ContractTrainersWomen { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Part-time trainers")]
    public int? PartTimeTrainers { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int? PartTimeTrainersWomen { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Administrative staff")]
    public int? AdministrativeStaff { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int? AdministrativeStaffWomen { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Support staff")]
    public int? SupportStaff { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int? SupportStaffWomen { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Vacant trainer posts")]
    public int? VacantTrainerPosts { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Other vacant posts")]
    public int? VacantOtherPosts { get; init; }

    public int TotalTrainers => (PermanentTrainers ?? 0) + (ContractTrainers ?? 0) + (PartTimeTrainers ?? 0);

    public bool IsEmpty => PermanentTrainers is null && ContractTrainers is null && PartTimeTrainers is null && AdministrativeStaff is null;

    /// <summary>Each "of which women" field with its total, for the rule that the first is at most the second.</summary>
    public IEnumerable<(string Field, int? Total, int? Women)> WomenPairs()
    {
        yield return (nameof(PermanentTrainersWomen), PermanentTrainers, PermanentTrainersWomen);
        yield return (nameof(ContractTrainersWomen), ContractTrainers, ContractTrainersWomen);
        yield return (nameof(PartTimeTrainersWomen), PartTimeTrainers, PartTimeTrainersWomen);
        yield return (nameof(AdministrativeStaffWomen), AdministrativeStaff, AdministrativeStaffWomen);
        yield return (nameof(SupportStaffWomen), SupportStaff, SupportStaffWomen);
    }

    public static HumanResourcesInput From(EstablishmentProfile p) => new()
    {
        PermanentTrainers = p.PermanentTrainers, PermanentTrainersWomen = p.PermanentTrainersWomen,
        ContractTrainers = p.ContractTrainers, ContractTrainersWomen = p.ContractTrainersWomen,
        PartTimeTrainers = p.PartTimeTrainers, PartTimeTrainersWomen = p.PartTimeTrainersWomen,
        AdministrativeStaff = p.AdministrativeStaff, AdministrativeStaffWomen = p.AdministrativeStaffWomen,
        SupportStaff = p.SupportStaff, SupportStaffWomen = p.SupportStaffWomen,
        VacantTrainerPosts = p.VacantTrainerPosts, VacantOtherPosts = p.VacantOtherPosts,
    };

    public void ApplyTo(EstablishmentProfile p)
    {
        p.PermanentTrainers = PermanentTrainers;
        p.PermanentTrainersWomen = PermanentTrainersWomen;
        p.ContractTrainers = ContractTrainers;
        p.ContractTrainersWomen = ContractTrainersWomen;
        p.PartTimeTrainers = PartTimeTrainers;
        p.PartTimeTrainersWomen = PartTimeTrainersWomen;
        p.AdministrativeStaff = AdministrativeStaff;
        p.AdministrativeStaffWomen = AdministrativeStaffWomen;
        p.SupportStaff = SupportStaff;
        p.SupportStaffWomen = SupportStaffWomen;
        p.VacantTrainerPosts = VacantTrainerPosts;
        p.VacantOtherPosts = VacantOtherPosts;
    }

    public HumanResourcesInput ForNewYear() => this;
}
