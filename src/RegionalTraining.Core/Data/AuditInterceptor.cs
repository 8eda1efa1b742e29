using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Data;

/// <summary>
/// Stamps who and when on every audited row, and renews the concurrency token where the database does not
/// (SQLite). Callers never set these columns, so they cannot forget or forge them.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var who = currentUser.UserId ?? currentUser.Name;
        var renewTokens = context is not AppDbContext { IsSqlServer: true };
        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAtUtc = now;
                    entry.Entity.CreatedBy = who;
                    entry.Entity.UpdatedAtUtc = now;
                    entry.Entity.UpdatedBy = who;
                    break;
                case EntityState.Modified:
                    // Creation facts are history: a forged form value must not rewrite them.
                    entry.Property(e => e.CreatedAtUtc).IsModified = false;
                    entry.Property(e => e.CreatedBy).IsModified = false;
                    entry.Entity.UpdatedAtUtc = now;
                    entry.Entity.UpdatedBy = who;
                    break;
                default:
                    continue;
            }

            if (renewTokens && entry.Entity is EditableEntity editable)
            {
                editable.RowVersion = Guid.NewGuid().ToByteArray();
            }
        }
    }
}
