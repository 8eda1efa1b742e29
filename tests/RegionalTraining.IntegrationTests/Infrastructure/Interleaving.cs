using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Data;

namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>
/// Two requests racing on one unique key, made certain rather than hoped for: the second runs to completion (its own
/// scope and context) inside the first, after the first has made its checks and just before its first write, so the
/// first always finds the key taken when it writes. No sleeps, no timing.
/// </summary>
public static class Interleaving
{
    /// <summary>
    /// Runs <paramref name="outer"/> on a <typeparamref name="TService"/> whose context runs <paramref name="inner"/>, on
    /// another <typeparamref name="TService"/>, before it first begins a transaction or saves. Both results, outer first.
    /// </summary>
    public static async Task<(TOuter Outer, TInner Inner)> RaceAsync<TService, TOuter, TInner>(
        this RegionalTrainingFactory factory, Func<TService, Task<TOuter>> outer, Func<TService, Task<TInner>> inner)
        where TService : class
    {
        _ = factory.Server;
        await using var outerScope = factory.Services.CreateAsyncScope();
        await using var innerScope = factory.Services.CreateAsyncScope();
        var innerResult = default(TInner);
        var racer = new BeforeFirstWrite(async () => innerResult = await inner(ActivatorUtilities.CreateInstance<TService>(innerScope.ServiceProvider)));
        var options = new DbContextOptionsBuilder<AppDbContext>(factory.Services.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(racer).Options;
        await using var db = new AppDbContext(options);

        var outerResult = await outer(ActivatorUtilities.CreateInstance<TService>(outerScope.ServiceProvider, db));

        Assert.True(racer.Fired, "the other request did not run before this one's first write");
        return (outerResult, innerResult!);
    }

    /// <summary>
    /// Runs the other request once, before this context's first save or transaction (a transaction first: on SQLite it
    /// takes the write lock, which the other request would wait for). Add it to the racing context's interceptors.
    /// </summary>
    public sealed class BeforeFirstWrite(Func<Task> meanwhile) : ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        public bool Fired { get; private set; }

        async ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
        {
            await FireAsync();
            return result;
        }

        async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
        {
            await FireAsync();
            return result;
        }

        private async Task FireAsync()
        {
            if (!Fired)
            {
                Fired = true;
                await meanwhile();
            }
        }
    }
}
