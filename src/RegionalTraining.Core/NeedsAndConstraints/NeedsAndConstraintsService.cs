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
/// section's concurrency token and recorded in the profile's history, and each item's own history.
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
public sealed class NeedsAndConstraintsService(AppDbContext db, IProfileService profiles, ICurrentUser currentUser, LocalCalendar calendar) : INeedsAndConstraintsService
{
    public async Task<IReadOnlyList<Need>> NeedsOfProfileAsync(int profileId, CancellationToken cancellationToken = default) =>
        await db.Needs.AsNoTracking().Where(n => n.Sheets.Any(s => s.Id == profileId)).OrderBy(n => n.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Constraint>> ConstraintsOfProfileAsync(int profileId, CancellationToken cancellationToken = default) =>
        await db.Constraints.AsNoTracking().Where(c => c.Sheets.Any(s => s.Id == profileId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<NeedsInput> edit, CancellationToken cancellationToken = default) =>
        profiles.SaveSectionAsync(scope, profileId, NeedsInput.Section, edit.Version, edit.WarningComment, async profile =>
        {
            var existing = await db.Needs.Where(n => n.Sheets.Any(s => s.Id == profileId)).Include(n => n.Sheets).ToListAsync(cancellationToken);
            return Result.Success<IReadOnlyList<ProfileChange>>(ReplaceRows(
                profile, existing, edit.Input.Kept, r => r.Id, NeedRowInput.Describe, (row, n) => row.ApplyTo(n), ProfileHistoryFields.NeedLabel,
                row => db.Needs.Add(new Need { EstablishmentId = profile.EstablishmentId, ProfileId = profileId, Description = row.Description! }).Entity,
                n => db.Needs.Remove(n)));
        }, cancellationToken);

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<ConstraintsInput> edit, CancellationToken cancellationToken = default) =>
        profiles.SaveSectionAsync(scope, profileId, ConstraintsInput.Section, edit.Version, edit.WarningComment, async profile =>
        {
            var existing = await db.Constraints.Where(c => c.Sheets.Any(s => s.Id == profileId)).Include(c => c.Sheets).ToListAsync(cancellationToken);
            return Result.Success<IReadOnlyList<ProfileChange>>(ReplaceRows(
                profile, existing, edit.Input.Kept, r => r.Id, ConstraintRowInput.Describe, (row, c) => row.ApplyTo(c), ProfileHistoryFields.ConstraintLabel,
                row => db.Constraints.Add(new Constraint { EstablishmentId = profile.EstablishmentId, ProfileId = profileId, Description = row.Description! }).Entity,
                c => db.Constraints.Remove(c)));
        }, cancellationToken);

    /// <summary>
    /// Updates the items named by the kept rows, raises the others and takes the missing off the sheet, returning what
    /// changed for the profile's history (each item's own history gets its line too). An item raised in this sheet and
    /// never answered is deleted; one carried from an earlier year, or already answered, is withdrawn (closed) and
    /// stays in the register. An id that is not on this sheet (forged or stale) becomes a new item, never someone else's.
    /// </summary>
    private List<ProfileChange> ReplaceRows<TRow, TEntity>(
        EstablishmentProfile sheet, List<TEntity> existing, IReadOnlyList<TRow> kept, Func<TRow, int?> idOfRow, Func<TEntity, string> describe,
        Action<TRow, TEntity> apply, string label, Func<TRow, TEntity> add, Action<TEntity> remove)
        where TEntity : class, IRegisterItem
    {
        var changes = new List<ProfileChange>();
        foreach (var gone in existing.Where(e => kept.All(r => idOfRow(r) != e.Id)))
        {
            changes.Add(Change($"{label} {gone.Id}", describe(gone), null));
            if (gone.Sheets.Count == 1 && gone.Status == FollowUpStatus.Raised && (gone is Need { ProfileId: var p } ? p : (gone as Constraint)!.ProfileId) == sheet.Id)
            {
                remove(gone);
            }
            else
            {
                gone.Sheets.RemoveAll(s => s.Id == sheet.Id);
                FollowUpLifecycle.Withdraw(gone);
                db.FollowUpEntries.Add(FollowUpService.Entry(gone, FollowUpEventKind.Withdrawn, sheet.TrainingYear?.Label, currentUser, calendar.UtcNow));
            }
        }

        foreach (var row in kept)
        {
            var entity = idOfRow(row) is { } id ? existing.SingleOrDefault(e => e.Id == id) : null;
            var before = entity is null ? null : describe(entity);
            var factsBefore = entity is null ? null : FactsOf(entity);
            var descriptionBefore = entity?.Description;
            if (entity is null)
            {
                entity = add(row);
                entity.Sheets.Add(sheet);
            }

            apply(row, entity);
            var after = describe(entity);
            if (before != after)
            {
                changes.Add(Change(entity.Id == 0 ? $"{label} {ProfileHistoryFields.NewItem}" : $"{label} {entity.Id}", before, after));
                // The item's history keeps facts and the establishment's words, shown in each reader's language.
                var facts = factsBefore is null ? FactsOf(entity) : FactsOf(entity).ChangedFrom(factsBefore, descriptionBefore, entity.Description);
                db.FollowUpEntries.Add(FollowUpService.Entry(
                    entity, before is null ? FollowUpEventKind.Raised : FollowUpEventKind.Edited, entity.Description, currentUser, calendar.UtcNow, facts));
            }
        }

        return changes;
    }

    /// <summary>
    /// A new year's sheet shows the establishment's items still open (or resolved and awaiting confirmation): the same
    /// items, linked to one more sheet, not copies (docs/decisions/0013-follow-up-register.md).
    /// </summary>
    internal static async Task LinkOpenItemsAsync(AppDbContext db, EstablishmentProfile to, CancellationToken cancellationToken)
    {
        var carried = FollowUpLifecycle.CarriedToNewSheet;
        foreach (var need in await db.Needs.Where(n => n.EstablishmentId == to.EstablishmentId && carried.Contains(n.Status)).ToListAsync(cancellationToken))
        {
            need.Sheets.Add(to);
        }

        foreach (var constraint in await db.Constraints.Where(c => c.EstablishmentId == to.EstablishmentId && carried.Contains(c.Status)).ToListAsync(cancellationToken))
        {
            constraint.Sheets.Add(to);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static FollowUpFacts FactsOf(IRegisterItem item) => item is Need need ? FollowUpFacts.Of(need) : FollowUpFacts.Of((Constraint)item);

    private static ProfileChange Change(string field, string? before, string? after) =>
        new() { Field = field, OldValue = Truncate(before), NewValue = Truncate(after) };

    private static string? Truncate(string? text) => text is { Length: > 1900 } ? text[..1900] + "…" : text;
}
