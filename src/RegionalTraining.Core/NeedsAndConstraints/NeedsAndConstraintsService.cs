using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <param name="Id">An existing need of the same profile, or null for a new one.</param>
public sealed record NeedInput(int? Id, NeedCategory Category, string Description, int? Quantity, decimal? EstimatedCostMad, Priority Priority);

public sealed record ConstraintInput(int? Id, NeedCategory Category, string Description, Severity Severity, string? EffectOnTraining, string? ProposedSolution);

/// <summary>
/// The one way needs and constraints are created and changed (the design card's "services layer that handles
/// needs and constraints submissions"). In a profile they are a section like the others: saved under the
/// section's concurrency token and recorded in the profile's history.
/// </summary>
public interface INeedsAndConstraintsService
{
    Task<IReadOnlyList<Need>> NeedsOfProfileAsync(int profileId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Constraint>> ConstraintsOfProfileAsync(int profileId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the profile's needs with <paramref name="rows"/>: updates those with an id, adds the others, removes the missing.</summary>
    Task<SectionSaveResult> SaveProfileNeedsAsync(AccessScope scope, int profileId, Guid version, IReadOnlyList<NeedInput> rows, string? warningComment, CancellationToken cancellationToken = default);

    Task<SectionSaveResult> SaveProfileConstraintsAsync(AccessScope scope, int profileId, Guid version, IReadOnlyList<ConstraintInput> rows, string? warningComment, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class NeedsAndConstraintsService(AppDbContext db, IProfileService profiles) : INeedsAndConstraintsService
{
    public async Task<IReadOnlyList<Need>> NeedsOfProfileAsync(int profileId, CancellationToken cancellationToken = default) =>
        await db.Needs.AsNoTracking().Where(n => n.ProfileId == profileId).OrderBy(n => n.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Constraint>> ConstraintsOfProfileAsync(int profileId, CancellationToken cancellationToken = default) =>
        await db.Constraints.AsNoTracking().Where(c => c.ProfileId == profileId).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    public Task<SectionSaveResult> SaveProfileNeedsAsync(AccessScope scope, int profileId, Guid version, IReadOnlyList<NeedInput> rows, string? warningComment, CancellationToken cancellationToken = default) =>
        profiles.SaveSectionAsync(scope, profileId, ProfileSection.Needs, version, warningComment, async profile =>
        {
            var existing = await db.Needs.Where(n => n.ProfileId == profileId).ToListAsync(cancellationToken);
            var changes = new List<ProfileChange>();
            foreach (var gone in existing.Where(n => rows.All(r => r.Id != n.Id)))
            {
                changes.Add(Change($"Need {gone.Id}", Describe(gone), null));
                db.Needs.Remove(gone);
            }

            foreach (var row in rows)
            {
                var need = row.Id is { } id ? existing.SingleOrDefault(n => n.Id == id) : null;
                var before = need is null ? null : Describe(need);
                if (need is null)
                {
                    // An id that is not this profile's (forged or stale) becomes a new row, never someone else's.
                    need = new Need { EstablishmentId = profile.EstablishmentId, ProfileId = profileId, Description = row.Description };
                    db.Needs.Add(need);
                }

                need.Category = row.Category;
                need.Description = row.Description.Trim();
                need.Quantity = row.Quantity;
                need.EstimatedCostMad = row.EstimatedCostMad;
                need.Priority = row.Priority;
                var after = Describe(need);
                if (before != after)
                {
                    changes.Add(Change(need.Id == 0 ? "Need (new)" : $"Need {need.Id}", before, after));
                }
            }

            return changes;
        }, cancellationToken);

    public Task<SectionSaveResult> SaveProfileConstraintsAsync(AccessScope scope, int profileId, Guid version, IReadOnlyList<ConstraintInput> rows, string? warningComment, CancellationToken cancellationToken = default) =>
        profiles.SaveSectionAsync(scope, profileId, ProfileSection.Constraints, version, warningComment, async profile =>
        {
            var existing = await db.Constraints.Where(c => c.ProfileId == profileId).ToListAsync(cancellationToken);
            var changes = new List<ProfileChange>();
            foreach (var gone in existing.Where(c => rows.All(r => r.Id != c.Id)))
            {
                changes.Add(Change($"Constraint {gone.Id}", Describe(gone), null));
                db.Constraints.Remove(gone);
            }

            foreach (var row in rows)
            {
                var constraint = row.Id is { } id ? existing.SingleOrDefault(c => c.Id == id) : null;
                var before = constraint is null ? null : Describe(constraint);
                if (constraint is null)
                {
                    constraint = new Constraint { EstablishmentId = profile.EstablishmentId, ProfileId = profileId, Description = row.Description };
                    db.Constraints.Add(constraint);
                }

                constraint.Category = row.Category;
                constraint.Description = row.Description.Trim();
                constraint.Severity = row.Severity;
                constraint.EffectOnTraining = row.EffectOnTraining?.Trim();
                constraint.ProposedSolution = row.ProposedSolution?.Trim();
                var after = Describe(constraint);
                if (before != after)
                {
                    changes.Add(Change(constraint.Id == 0 ? "Constraint (new)" : $"Constraint {constraint.Id}", before, after));
                }
            }

            return changes;
        }, cancellationToken);

    /// <summary>Copies last year's needs and constraints that are not resolved into a new year's profile.</summary>
    internal static async Task CarryOverAsync(AppDbContext db, int fromProfileId, EstablishmentProfile to, CancellationToken cancellationToken)
    {
        var open = new[] { FollowUpStatus.Open, FollowUpStatus.InProgress };
        var needs = await db.Needs.AsNoTracking().Where(n => n.ProfileId == fromProfileId && open.Contains(n.Status)).ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking().Where(c => c.ProfileId == fromProfileId && open.Contains(c.Status)).ToListAsync(cancellationToken);
        db.Needs.AddRange(needs.Select(n => new Need
        {
            EstablishmentId = to.EstablishmentId, ProfileId = to.Id, Category = n.Category, Description = n.Description,
            Quantity = n.Quantity, EstimatedCostMad = n.EstimatedCostMad, Priority = n.Priority, Status = n.Status,
        }));
        db.Constraints.AddRange(constraints.Select(c => new Constraint
        {
            EstablishmentId = to.EstablishmentId, ProfileId = to.Id, Category = c.Category, Description = c.Description,
            Severity = c.Severity, EffectOnTraining = c.EffectOnTraining, ProposedSolution = c.ProposedSolution, Status = c.Status,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ProfileChange Change(string field, string? before, string? after) =>
        new() { Field = field, OldValue = Truncate(before), NewValue = Truncate(after) };

    private static string? Truncate(string? text) => text is { Length: > 1900 } ? text[..1900] + "…" : text;

    private static string Describe(Need n) => string.Create(CultureInfo.InvariantCulture,
        $"{n.Category}, {n.Priority}: {n.Description} (quantity {n.Quantity}, {n.EstimatedCostMad} MAD)");

    private static string Describe(Constraint c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Category}, {c.Severity}: {c.Description} / effect: {c.EffectOnTraining} / solution: {c.ProposedSolution}");
}
