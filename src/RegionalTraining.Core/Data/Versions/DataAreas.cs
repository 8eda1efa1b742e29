using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Versions;

/// <summary>
/// Which saved changes renew which <see cref="DataArea"/>: one declaration per area of the entity types it counts
/// (every addition, change or removal of them) and, for some, which of their changes count. A new page built on an
/// area from another table must add that table here (docs/decisions/0016-data-versions.md).
/// </summary>
public static class DataAreas
{
    /// <summary>A meeting and everything its public page lists, and the names and descriptions the page borrows.</summary>
    private static readonly AreaDeclaration PublicArchive = new AreaDeclaration(DataArea.PublicArchive)
        .Counts(typeof(Meeting), typeof(MeetingSummary), typeof(SummaryRevision), typeof(MeetingInvitation), typeof(AgendaItem),
            typeof(Intervention), typeof(Decision), typeof(DecisionNote), typeof(MeetingAttachment),
            typeof(Meetings.Corrections.MeetingCorrection))
        // Many-to-many links of decisions, tracked as shared-type entities without a class of their own.
        .CountsLinks("DecisionConstraints", "DecisionNeeds")
        .CountsWhenChanged(typeof(Establishment), nameof(Establishment.NameFr), nameof(Establishment.NameAr))
        .CountsWhenChanged(typeof(Need), nameof(Need.Description))
        .CountsWhenChanged(typeof(Constraint), nameof(Constraint.Description));

    /// <summary>
    /// What a dashboard reads: organisation and reference data, campaigns, and the sheets it counts (submitted or
    /// approved) with their programme rows, needs and constraints; the campaign completeness reads every sheet's
    /// status. A draft's (or returned sheet's) own data shows nowhere, so saving a section of it renews nothing.
    /// </summary>
    private static readonly AreaDeclaration Figures = new AreaDeclaration(DataArea.Figures)
        .Counts(typeof(Directorate), typeof(Region), typeof(Province), typeof(Establishment), typeof(Sector), typeof(Programme),
            typeof(TrainingYear), typeof(CollectionCampaign))
        .CountsWhen(typeof(EstablishmentProfile), ProfileShows)
        .CountsWhen(typeof(ProfileProgramme), ThroughProfile)
        .CountsWhen(typeof(Need), ThroughProfile)
        .CountsWhen(typeof(Constraint), ThroughProfile);

    public static readonly IReadOnlyList<AreaDeclaration> All = [PublicArchive, Figures];

    /// <summary>Profile fields the campaign completeness shows whatever the status (besides the status itself).</summary>
    private static readonly string[] CompletenessFields =
    [
        nameof(EstablishmentProfile.Status), nameof(EstablishmentProfile.EstablishmentId), nameof(EstablishmentProfile.TrainingYearId),
        nameof(EstablishmentProfile.CampaignId), nameof(EstablishmentProfile.SubmittedAtUtc), nameof(EstablishmentProfile.SubmittedLate),
    ];

    /// <summary>The areas the pending changes of <paramref name="context"/> affect, each once.</summary>
    public static IReadOnlyList<DataArea> Affected(DbContext context)
    {
        var affected = new List<DataArea>(All.Count);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            foreach (var area in All)
            {
                if (!affected.Contains(area.Area) && area.IsChangedBy(entry))
                {
                    affected.Add(area.Area);
                }
            }
        }

        return affected;
    }

    /// <summary>The statuses whose sheets the figures count (<c>DashboardService.Profiles</c>).</summary>
    private static bool Counted(ProfileStatus status) => status is ProfileStatus.Submitted or ProfileStatus.Approved;

    private static bool ProfileShows(EntityEntry entry)
    {
        if (entry.State != EntityState.Modified)
        {
            return true;
        }

        var status = entry.Property(nameof(EstablishmentProfile.Status));
        return Counted((ProfileStatus)status.CurrentValue!) || Counted((ProfileStatus)status.OriginalValue!)
            || CompletenessFields.Any(f => entry.Property(f).IsModified);
    }

    /// <summary>A row of a sheet shows when the sheet it belongs to (now or before) is counted, or cannot be told from here.</summary>
    private static bool ThroughProfile(EntityEntry entry)
    {
        var profileId = entry.Property(nameof(ProfileProgramme.ProfileId));
        return ProfileCounted(entry.Context, profileId.CurrentValue as int?) || ProfileCounted(entry.Context, profileId.OriginalValue as int?);
    }

    private static bool ProfileCounted(DbContext context, int? profileId)
    {
        if (profileId is not { } id)
        {
            return false;
        }

        // Not tracked in this save: its status is unknown here, so the change counts (correct first, cheaper second).
        var profile = context.ChangeTracker.Entries<EstablishmentProfile>().FirstOrDefault(p => p.Entity.Id == id);
        return profile is null || profile.State is EntityState.Added or EntityState.Deleted
            || Counted(profile.Entity.Status) || Counted(profile.Property(p => p.Status).OriginalValue);
    }
}

/// <summary>The entity types (and, for some, the properties) whose changes renew one <see cref="DataArea"/>.</summary>
public sealed class AreaDeclaration(DataArea area)
{
    private readonly Dictionary<Type, Func<EntityEntry, bool>> _rules = [];
    private readonly HashSet<string> _links = [];

    public DataArea Area { get; } = area;

    /// <summary>Every addition, change or removal of these types counts.</summary>
    public AreaDeclaration Counts(params Type[] types)
    {
        foreach (var type in types)
        {
            _rules[type] = static _ => true;
        }

        return this;
    }

    /// <summary>Shared-type entities (many-to-many links) by name: every addition or removal counts.</summary>
    public AreaDeclaration CountsLinks(params string[] names)
    {
        _links.UnionWith(names);
        return this;
    }

    /// <summary>A removal counts, and a change of one of <paramref name="properties"/>; an addition does not (nothing refers to it yet).</summary>
    public AreaDeclaration CountsWhenChanged(Type type, params string[] properties) =>
        CountsWhen(type, e => e.State == EntityState.Deleted || (e.State == EntityState.Modified && properties.Any(p => e.Property(p).IsModified)));

    public AreaDeclaration CountsWhen(Type type, Func<EntityEntry, bool> counts)
    {
        _rules[type] = counts;
        return this;
    }

    /// <summary>True when this added, changed or removed entry changes what the area shows.</summary>
    public bool IsChangedBy(EntityEntry entry) =>
        entry.Metadata.HasSharedClrType ? _links.Contains(entry.Metadata.Name)
        : _rules.TryGetValue(entry.Metadata.ClrType, out var counts) && counts(entry);
}
