using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>A portal of its own, where the demo administrator starts as the only one.</summary>
public sealed class LastAdministratorTests : IDisposable
{
    private readonly RegionalTrainingFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<Result> DemoteAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
        var id = await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var details = (await accounts.GetAsync(id))!;
        var directorate = await _factory.WithDbAsync(db => db.Directorates.Select(d => d.Id).FirstAsync());
        return await accounts.UpdateAsync(id, new AccountInput(email, details.DisplayName, Roles.DirectorateStaff, directorate, []), details.ConcurrencyStamp);
    }

    private async Task<Result> DisableAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var id = await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return await scope.ServiceProvider.GetRequiredService<IAccountService>().SetDisabledAsync(id, true);
    }

    [Fact]
    public async Task LastActiveAdministrator_CannotBeDemotedOrDisabled()
    {
        _ = _factory.Server;

        var demoted = await DemoteAsync("admin@demo.local");
        var disabled = await DisableAsync("admin@demo.local");

        Assert.Equal(Messages.LastAdministrator, Assert.Single(demoted.Errors).MessageKey);
        Assert.Equal(Messages.LastAdministrator, Assert.Single(disabled.Errors).MessageKey);
        Assert.False(await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task AdministratorWithAnActiveColleague_CanBeDemoted()
    {
        _ = _factory.Server;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
                .CreateAsync(new AccountInput("second.admin@test.local", "Second", Roles.Administrator, null, []), RegionalTrainingFactory.Password);
            Assert.True(created.Succeeded);
        }

        var demoted = await DemoteAsync("admin@demo.local");
        var lastOne = await DisableAsync("second.admin@test.local");

        Assert.True(demoted.Succeeded);
        Assert.False(lastOne.Succeeded);
    }
}
