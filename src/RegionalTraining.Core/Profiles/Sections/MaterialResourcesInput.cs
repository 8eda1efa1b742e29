using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>Rooms, computers, boarding and key equipment. Everything carries over to a new year.</summary>
public sealed record MaterialResourcesInput : ISectionInput
{
    private const string RangeMessage = "The number must be between {1} and {2}.";

    public static ProfileSection Section => ProfileSection.MaterialResources;

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Classrooms")]
    public int? Classrooms { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Workshops")]
    public int? Workshops { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Laboratories")]
    public int? Laboratories { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Computer rooms")]
    public int? ComputerRooms { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Computers")]
    public int? Computers { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Boarding places")]
    public int? BoardingPlaces { get; init; }

    public List<EquipmentRowInput> Equipment { get; init; } = [];

    public bool IsEmpty => Classrooms is null && Workshops is null && Computers is null;

    public static MaterialResourcesInput From(EstablishmentProfile p) => new()
    {
        Classrooms = p.Classrooms, Workshops = p.Workshops, Laboratories = p.Laboratories, ComputerRooms = p.ComputerRooms,
        Computers = p.Computers, BoardingPlaces = p.BoardingPlaces,
        Equipment = p.Equipment.Select(e => new EquipmentRowInput { Name = e.Name, Quantity = e.Quantity, Condition = e.Condition }).ToList(),
    };

    public void ApplyTo(EstablishmentProfile p)
    {
        p.Classrooms = Classrooms;
        p.Workshops = Workshops;
        p.Laboratories = Laboratories;
        p.ComputerRooms = ComputerRooms;
        p.Computers = Computers;
        p.BoardingPlaces = BoardingPlaces;
        p.Equipment.Clear();
        p.Equipment.AddRange(Equipment.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Name)).Select(r => new ProfileEquipment
        {
            Name = r.Name!.Trim(), Quantity = r.Quantity ?? 0, Condition = r.Condition ?? EquipmentCondition.Working,
        }));
    }

    public MaterialResourcesInput ForNewYear() => this;

    /// <summary>For the history: the counts, and each piece of equipment by its name (read back by <see cref="ProfileHistoryFields"/>).</summary>
    public Dictionary<string, string?> Snapshot()
    {
        var fields = SectionFields.Scalars(this);
        foreach (var group in Equipment.Where(e => !e.Remove && !string.IsNullOrWhiteSpace(e.Name)).GroupBy(e => e.Name!.Trim()))
        {
            fields[ProfileHistoryFields.EquipmentPrefix + group.Key] = string.Join(" + ", group.Select(e =>
                string.Create(CultureInfo.InvariantCulture, $"{e.Quantity ?? 0} ({e.Condition ?? EquipmentCondition.Working})")));
        }

        return fields;
    }
}

[StoredAs(typeof(ProfileEquipment))]
public sealed record EquipmentRowInput
{
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Equipment")]
    public string? Name { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = "The number must be between {1} and {2}.")]
    [Display(Name = "Quantity")]
    public int? Quantity { get; init; }

    [Display(Name = "Condition")]
    public EquipmentCondition? Condition { get; init; }

    [FormOnly]
    [Display(Name = "Remove")]
    public bool Remove { get; init; }
}
