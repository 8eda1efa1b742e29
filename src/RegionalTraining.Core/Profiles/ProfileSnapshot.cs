using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.Profiles;

/// <summary>
/// The values of one section as text, field by field, so a save can record exactly what changed (old → new).
/// Rows of lists are keyed by what identifies them (programme code, equipment name).
/// </summary>
public static class ProfileSnapshot
{
    public static Dictionary<string, string?> Of(EstablishmentProfile p, ProfileSection section) => section switch
    {
        ProfileSection.General => SectionFields.Scalars(GeneralInput.From(p)),
        ProfileSection.HumanResources => SectionFields.Scalars(HumanResourcesInput.From(p)),
        ProfileSection.MaterialResources => MaterialResourcesInput.From(p).Snapshot(),
        ProfileSection.Programmes => ProgrammesInput.Snapshot(p),
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
}
