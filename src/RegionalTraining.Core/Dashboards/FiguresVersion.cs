using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Dashboards;

/// <summary>
/// One row whose stamp is renewed in the same transaction as every save that may change what a dashboard shows
/// (see <see cref="FiguresVersionInterceptor"/>). Cached dashboards are keyed by it, so every web node serves the
/// figures of the last committed change: it reads the stamp from the database once per request
/// (docs/decisions/0012-dashboard-figures.md).
/// </summary>
public sealed class FiguresVersion
{
    public const int SingleId = 1;

    /// <summary>The stamp the migration writes; any later save replaces it.</summary>
    public static readonly Guid Initial = new("5f1c2a0e-0c6b-4f5e-9a51-0d2b7c3e4a12");

    public int Id { get; set; }

    /// <summary>A new random value per change, not a counter: two concurrent saves never produce the same stamp.</summary>
    public Guid Stamp { get; set; }

    /// <summary>The entities a dashboard, its option lists or its campaign completeness read.</summary>
    public static readonly IReadOnlySet<Type> CountedEntities = new HashSet<Type>
    {
        typeof(Directorate), typeof(Region), typeof(Province), typeof(Establishment), typeof(Sector), typeof(Programme), typeof(TrainingYear),
        typeof(CollectionCampaign), typeof(EstablishmentProfile), typeof(ProfileProgramme), typeof(Need), typeof(Constraint),
    };

    /// <summary>The current stamp; read before the figures, so figures cached under it are never older than it.</summary>
    public static Task<Guid> CurrentAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<FiguresVersion>().AsNoTracking().Where(v => v.Id == SingleId).Select(v => v.Stamp).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// Renews <see cref="FiguresVersion.Stamp"/> inside the save itself when a counted entity is added, changed or
/// deleted: one more UPDATE in the same transaction, so the new stamp is visible exactly when the change is.
/// Writes that bypass the change tracker (ExecuteUpdate, raw SQL) on those tables must renew it themselves.
/// </summary>
public sealed class FiguresVersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Renew(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Renew(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Renew(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && FiguresVersion.CountedEntities.Contains(e.Metadata.ClrType)))
        {
            return;
        }

        var entry = context.ChangeTracker.Entries<FiguresVersion>().FirstOrDefault() ?? context.Attach(new FiguresVersion { Id = FiguresVersion.SingleId });
        entry.Entity.Stamp = Guid.NewGuid();
        entry.Property(v => v.Stamp).IsModified = true;
    }
}
