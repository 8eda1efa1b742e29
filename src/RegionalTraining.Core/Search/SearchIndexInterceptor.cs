using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Search;

/// <summary>
/// Keeps the search index in step with the tables: after every save that added, changed or deleted a meeting (or
/// a part of one), an establishment, a decision, a need or a constraint, their index rows are written again. One
/// way for every service, so none can forget it (decision 0015).
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    /// <summary>
    /// What a save in progress has collected, per context: one interceptor serves every context (the options are
    /// built once, docs/decisions/0029), and the state lives as long as its context. Contexts are pooled
    /// (docs/decisions/0031): every save replaces <see cref="Pending"/>, so nothing collected carries over to another.
    /// </summary>
    private sealed class SaveState
    {
        public List<Func<SearchDocumentKey?>>? Pending;
        public bool Refreshing;
    }

    private readonly ConditionalWeakTable<DbContext, SaveState> _states = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RefreshAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(eventData.Context, cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Forget(eventData.Context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
        {
            state.Pending = null;
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var state = _states.GetOrCreateValue(context);
        if (state.Refreshing)
        {
            return;
        }

        var pending = state.Pending = [];
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && KeyOf(entry) is { } key)
            {
                // An added row has its id only after the save: read it then.
                pending.Add(entry.State == EntityState.Added ? key : Fixed(key()));
            }
        }
    }

    private static Func<SearchDocumentKey?> Fixed(SearchDocumentKey? key) => () => key;

    private static Func<SearchDocumentKey?>? KeyOf(EntityEntry entry) => entry.Entity switch
    {
        Meeting m => () => new SearchDocumentKey(SearchKind.Meeting, m.Id),
        MeetingSummary s => () => new SearchDocumentKey(SearchKind.Meeting, s.MeetingId),
        AgendaItem a => () => new SearchDocumentKey(SearchKind.Meeting, a.MeetingId),
        Intervention i => () => new SearchDocumentKey(SearchKind.Meeting, i.MeetingId),
        Establishment e => () => new SearchDocumentKey(SearchKind.Establishment, e.Id),
        Decision d => () => new SearchDocumentKey(SearchKind.Decision, d.Id),
        Need n => () => new SearchDocumentKey(SearchKind.Need, n.Id),
        Constraint c => () => new SearchDocumentKey(SearchKind.Constraint, c.Id),
        _ => null,
    };

    private async Task RefreshAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_states.TryGetValue(context, out var state))
        {
            return;
        }

        var keys = state.Pending;
        state.Pending = null;
        if (state.Refreshing || keys is null || keys.Count == 0 || context is not AppDbContext db)
        {
            return;
        }

        state.Refreshing = true;
        try
        {
            var resolved = keys.Select(k => k()).OfType<SearchDocumentKey>().Where(k => k.EntityId > 0).Distinct().ToList();
            await new SearchIndexWriter(db).RefreshAsync(resolved, cancellationToken);
        }
        finally
        {
            state.Refreshing = false;
        }
    }
}
