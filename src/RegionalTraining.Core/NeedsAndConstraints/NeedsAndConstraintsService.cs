using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>
/// The one way needs and constraints are created and changed (the design card's "services layer that handles
/// needs and constraints submissions"). In a profile they are a section like the others: saved under the
/// section's concurrency token and recorded in the profile's history.
/// </summary>
public interface INeedsAndConstraintsService
{
    Task<IReadOnlyList<Need>> NeedsOfProfileAsync(int profileId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Constraint>> ConstraintsOfProfileAsync(int profileId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the profile's needs with the kept rows: updates those with an id, adds the others, removes the missing.</summary>
    Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<NeedsInput> edit, CancellationToken cancellationToken = default);

    Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<ConstraintsInput> edit, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class NeedsAndConstraintsService(AppDbContext db, IProfileService profiles) : INeedsAndConstraintsService
{
    public async Task<IReadOnlyList<Need>> NeedsOfProfileAsync(int profileId, CancellationToken cancellationToken = default) =>
        await db.Needs.AsNoTracking().Where(n => n.ProfileId == profileId).OrderBy(n => n.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Constraint>> ConstraintsOfProfileAsync(int profileId, CancellationToken cancellationToken = default) =>
        await db.Constraints.AsNoTracking().Where(c => c.ProfileId == profileId).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<NeedsInput> edit, CancellationToken cancellationToken = default) =>
        profiles.SaveSectionAsync(scope, profileId, NeedsInput.Section, edit.Version, edit.WarningComment, async profile =>
        {
            var existing = await db.Needs.Where(n => n.ProfileId == profileId).ToListAsync(cancellationToken);
            return Result.Success<IReadOnlyList<ProfileChange>>(ReplaceRows(
                existing, edit.Input.Kept, r => r.Id, n => n.Id, NeedRowInput.Describe, (row, n) => row.ApplyTo(n), "Need",
                row => db.Needs.Add(new Need { EstablishmentId = profile.EstablishmentId, ProfileId = profileId, Description = row.Description! }).Entity,
                n => db.Needs.Remove(n)));
        }, cancellationToken);

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<ConstraintsInput> edit, CancellationToken cancellationToken = default) =>
        profiles.SaveSectionAsync(scope, profileId, ConstraintsInput.Section, edit.Version, edit.WarningComment, async profile =>
        {
            var existing = await db.Constraints.Where(c => c.ProfileId == profileId).ToListAsync(cancellationToken);
            return Result.Success<IReadOnlyList<ProfileChange>>(ReplaceRows(
                existing, edit.Input.Kept, r => r.Id, c => c.Id, ConstraintRowInput.Describe, (row, c) => row.ApplyTo(c), "Constraint",
                row => db.Constraints.Add(new Constraint { EstablishmentId = profile.EstablishmentId, ProfileId = profileId, Description = row.Description! }).Entity,
                c => db.Constraints.Remove(c)));
        }, cancellationToken);

    /// <summary>
    /// Updates the stored rows named by the kept ones, adds the others and removes the missing, returning what
    /// changed for the history. An id that is not this profile's (forged or stale) becomes a new row, never someone else's.
    /// </summary>
    private static List<ProfileChange> ReplaceRows<TRow, TEntity>(
        List<TEntity> existing, IReadOnlyList<TRow> kept, Func<TRow, int?> idOfRow, Func<TEntity, int> idOf, Func<TEntity, string> describe,
        Action<TRow, TEntity> apply, string label, Func<TRow, TEntity> add, Action<TEntity> remove)
        where TEntity : class
    {
        var changes = new List<ProfileChange>();
        foreach (var gone in existing.Where(e => kept.All(r => idOfRow(r) != idOf(e))))
        {
            changes.Add(Change($"{label} {idOf(gone)}", describe(gone), null));
            remove(gone);
        }

        foreach (var row in kept)
        {
            var entity = idOfRow(row) is { } id ? existing.SingleOrDefault(e => idOf(e) == id) : null;
            var before = entity is null ? null : describe(entity);
            entity ??= add(row);
            apply(row, entity);
            var after = describe(entity);
            if (before != after)
            {
                changes.Add(Change(idOf(entity) == 0 ? $"{label} (new)" : $"{label} {idOf(entity)}", before, after));
            }
        }

        return changes;
    }

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
}
