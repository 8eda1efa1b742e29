using Microsoft.Extensions.Caching.Memory;

namespace RegionalTraining.Core.Common;

/// <summary>
/// Dry runs of file imports waiting for their confirmation, held in memory for the user who ran them. Shared by the
/// sheet import and the reference-data import, which confirm a dry run the same way.
/// </summary>
public sealed class PendingImports(IMemoryCache cache, ICurrentUser currentUser)
{
    /// <summary>How long a dry run waits for its confirmation.</summary>
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(30);

    private sealed record Held(string? UserId, object Plan);

    /// <summary>Keeps what a confirmation will save, for this user; the id the confirmation posts back.</summary>
    public Guid Hold<TPlan>(TPlan plan)
        where TPlan : class
    {
        var id = Guid.NewGuid();
        cache.Set(id, new Held(currentUser.UserId, plan), PendingFor);
        return id;
    }

    /// <summary>
    /// The plan this user held under the id, when it is the one expected; null when expired, someone else's or another
    /// kind. Taken out at once: a second click (or a replayed post) finds nothing to save twice.
    /// </summary>
    public TPlan? Take<TPlan>(Guid id, Func<TPlan, bool> expected)
        where TPlan : class
    {
        if (!cache.TryGetValue(id, out Held? held) || held is null || held.UserId != currentUser.UserId || held.Plan is not TPlan plan || !expected(plan))
        {
            return null;
        }

        cache.Remove(id);
        return plan;
    }
}
