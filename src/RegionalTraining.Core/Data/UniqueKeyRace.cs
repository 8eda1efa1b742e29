using Microsoft.EntityFrameworkCore;

namespace RegionalTraining.Core.Data;

/// <summary>
/// Two requests can both check that a unique key is free and both insert it; the database lets the first in and
/// refuses the second, and EF Core throws. The loser of such a race must get the answer it would have had by coming
/// second (the existing row, or the "already used" message), never a server error. A service checks first as usual,
/// then saves through <see cref="TrySaveAsync{TEntity}"/> and, on false, answers as when its check finds the row.
/// </summary>
internal static class UniqueKeyRace
{
    /// <summary>
    /// Whether the database refused a batch that wrote (added, or changed unless <paramref name="addedOnly"/>) a
    /// <typeparamref name="TEntity"/>: the only way that row's unique key can have been refused. The provider's error
    /// code is not read (it differs between SQLite and SQL Server, and between their versions); a concurrency failure
    /// is a different refusal, not this.
    /// </summary>
    public static bool Wrote<TEntity>(this DbUpdateException exception, bool addedOnly = false)
        where TEntity : class =>
        exception is not DbUpdateConcurrencyException
        && exception.Entries.Any(e => e.Entity is TEntity && (e.State == EntityState.Added || (!addedOnly && e.State == EntityState.Modified)));

    /// <summary>
    /// Saves the context's changes; false when the database refused a <typeparamref name="TEntity"/> it wrote and
    /// <paramref name="taken"/> (asked only then, against the database) confirms that its unique key belongs to
    /// another row now. The change tracker is then cleared, so the context can answer as when the row existed, with
    /// nothing of the refused save left to write. Any other failure is thrown as it was.
    /// </summary>
    public static async Task<bool> TrySaveAsync<TEntity>(
        this DbContext db, Func<CancellationToken, Task<bool>> taken, CancellationToken cancellationToken, bool addedOnly = false)
        where TEntity : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.Wrote<TEntity>(addedOnly))
        {
            // Still tracked as added, the refused row is not read by the question: it goes to the database.
            if (!await taken(cancellationToken))
            {
                throw;
            }

            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The question to <see cref="TrySaveAsync{TEntity}"/> when the refused row can only have lost a race.</summary>
    public static Task<bool> AlwaysTaken(CancellationToken cancellationToken) => Task.FromResult(true);
}
