using System.Globalization;

namespace RegionalTraining.Core.Profiles;

/// <summary>
/// The values of one section as text, field by field, so a save can record exactly what changed (old → new).
/// Rows of lists are keyed by what identifies them (programme code, equipment name).
/// </summary>
public static class ProfileSnapshot
{
    public static Dictionary<string, string?> Of(EstablishmentProfile p, ProfileSection section) => section switch
    {
        ProfileSection.General => Fields(
            (nameof(p.AddressFr), p.AddressFr), (nameof(p.AddressAr), p.AddressAr), (nameof(p.Phone), p.Phone),
            (nameof(p.Email), p.Email), (nameof(p.OpeningYear), p.OpeningYear), (nameof(p.SiteAreaSquareMetres), p.SiteAreaSquareMetres),
            (nameof(p.HasCanteen), p.HasCanteen), (nameof(p.BuildingCondition), p.BuildingCondition)),
        ProfileSection.HumanResources => Fields(
            (nameof(p.PermanentTrainers), p.PermanentTrainers), (nameof(p.PermanentTrainersWomen), p.PermanentTrainersWomen),
            (nameof(p.ContractTrainers), p.ContractTrainers), (nameof(p.ContractTrainersWomen), p.ContractTrainersWomen),
            (nameof(p.PartTimeTrainers), p.PartTimeTrainers), (nameof(p.PartTimeTrainersWomen), p.PartTimeTrainersWomen),
            (nameof(p.AdministrativeStaff), p.AdministrativeStaff), (nameof(p.AdministrativeStaffWomen), p.AdministrativeStaffWomen),
            (nameof(p.SupportStaff), p.SupportStaff), (nameof(p.SupportStaffWomen), p.SupportStaffWomen),
            (nameof(p.VacantTrainerPosts), p.VacantTrainerPosts), (nameof(p.VacantOtherPosts), p.VacantOtherPosts)),
        ProfileSection.MaterialResources => Merge(
            Fields(
                (nameof(p.Classrooms), p.Classrooms), (nameof(p.Workshops), p.Workshops), (nameof(p.Laboratories), p.Laboratories),
                (nameof(p.ComputerRooms), p.ComputerRooms), (nameof(p.Computers), p.Computers), (nameof(p.BoardingPlaces), p.BoardingPlaces)),
            p.Equipment.GroupBy(e => e.Name).ToDictionary(
                g => "Equipment: " + g.Key,
                g => (string?)string.Join(" + ", g.Select(e => $"{e.Quantity} ({e.Condition})")))),
        ProfileSection.Programmes => p.Programmes.GroupBy(r => r.Programme?.Code ?? r.ProgrammeId.ToString(CultureInfo.InvariantCulture))
            .ToDictionary(g => "Programme " + g.Key, g => (string?)string.Join(" | ", g.Select(Describe))),
        _ => [],
    };

    /// <summary>Fields whose value differs between two snapshots, with the old and new text.</summary>
    public static IReadOnlyList<ProfileChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        before.Keys.Union(after.Keys)
            .Select(key => (Key: key, Old: before.GetValueOrDefault(key), New: after.GetValueOrDefault(key)))
            .Where(x => x.Old != x.New)
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new ProfileChange { Field = x.Key, OldValue = x.Old, NewValue = x.New })
            .ToList();

    private static string Describe(ProfileProgramme r) => string.Create(CultureInfo.InvariantCulture,
        $"groups {r.Groups}, capacity {r.Capacity}, year 1 {r.FirstYearTrainees} (women {r.FirstYearWomen}), year 2 {r.SecondYearTrainees} (women {r.SecondYearWomen}), graduates {r.GraduatesLastYear} (women {r.GraduatesLastYearWomen})");

    private static Dictionary<string, string?> Fields(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value is null ? null : Convert.ToString(f.Value, CultureInfo.InvariantCulture));

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> first, Dictionary<string, string?> second)
    {
        foreach (var (key, value) in second)
        {
            first[key] = value;
        }

        return first;
    }
}
