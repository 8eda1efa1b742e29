using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Meetings.Archive;

/// <summary>Told, on the node that saved it, that the public archive changed (the web side evicts its cached pages).</summary>
public interface IArchiveChangeListener
{
    Task ArchiveChangedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Renews <see cref="ArchiveVersion"/> in the same save (hence the same transaction) as any change that a public page
/// or a feed could show: a meeting and everything its page lists, its minutes, and the names an establishment, a need
/// or a constraint lend to it. Here rather than in each service, so that no present or future write path can change
/// the archive and leave the cached pages standing. (Bulk ExecuteUpdate/ExecuteDelete bypass interceptors: none
/// touches these tables.)
/// </summary>
public sealed class ArchiveVersionInterceptor(TimeProvider clock, IEnumerable<IArchiveChangeListener> listeners) : SaveChangesInterceptor
{
    /// <summary>Types whose every addition, change or removal can show on the public side.</summary>
    private static readonly HashSet<Type> MeetingTypes =
    [
        typeof(Meeting), typeof(MeetingSummary), typeof(SummaryRevision), typeof(MeetingInvitation), typeof(AgendaItem),
        typeof(Intervention), typeof(Decision), typeof(DecisionNote), typeof(MeetingAttachment), typeof(Corrections.MeetingCorrection),
    ];

    /// <summary>Many-to-many links of decisions, tracked as shared-type entities without a class of their own.</summary>
    private static readonly HashSet<string> LinkEntities = ["DecisionConstraints", "DecisionNeeds"];

    /// <summary>Other rows whose names or descriptions a meeting's page shows: only a change of those (or a removal) counts.</summary>
    private static readonly Dictionary<Type, string[]> ShownProperties = new()
    {
        [typeof(Establishment)] = ["NameFr", "NameAr"],
        [typeof(Need)] = [nameof(Need.Description)],
        [typeof(Constraint)] = [nameof(Constraint.Description)],
    };

    private bool _renewed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && ChangesArchive(context))
        {
            Renew(context, context.Set<ArchiveVersion>().Find(ArchiveVersion.SingletonId));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ChangesArchive(context))
        {
            Renew(context, await context.Set<ArchiveVersion>().FindAsync([ArchiveVersion.SingletonId], cancellationToken));
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_renewed)
        {
            _renewed = false;
            foreach (var listener in listeners)
            {
                await listener.ArchiveChangedAsync(cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_renewed)
        {
            _renewed = false;
            foreach (var listener in listeners)
            {
                listener.ArchiveChangedAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _renewed = false;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _renewed = false;
        return Task.CompletedTask;
    }

    /// <summary>True when this save holds a change the public side could show.</summary>
    public static bool ChangesArchive(DbContext context) => context.ChangeTracker.Entries().Any(Shows);

    private static bool Shows(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return false;
        }

        var type = entry.Metadata.ClrType;
        if (MeetingTypes.Contains(type) || (entry.Metadata.HasSharedClrType && LinkEntities.Contains(entry.Metadata.Name)))
        {
            return true;
        }

        return ShownProperties.TryGetValue(type, out var shown)
            && (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && shown.Any(p => entry.Property(p).IsModified)));
    }

    private void Renew(DbContext context, ArchiveVersion? version)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (version is null)
        {
            // Only a database made outside the migrations lacks the row.
            version = new ArchiveVersion { Stamp = string.Empty };
            context.Add(version);
        }

        version.Stamp = Guid.NewGuid().ToString("N");
        // Last-Modified has whole seconds: a change within the same second as the one before must still move it, or a
        // client asking If-Modified-Since would be told nothing changed.
        var floor = Truncate(version.ChangedAtUtc).AddSeconds(1);
        version.ChangedAtUtc = now < floor ? floor : now;
        // Said explicitly: the save may have looked for changes before this interceptor ran.
        var entry = context.Entry(version);
        if (entry.State != EntityState.Added)
        {
            entry.Property(v => v.Stamp).IsModified = true;
            entry.Property(v => v.ChangedAtUtc).IsModified = true;
        }

        _renewed = true;
    }

    private static DateTime Truncate(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
