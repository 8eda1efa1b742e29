using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>The register page: one page of items, the choices its filters offer, and the recurring groups.</summary>
public sealed record RegisterPage(PagedResult<RegisterRow> Result, IReadOnlyList<Option> Provinces, IReadOnlyList<Option> Establishments, IReadOnlyList<RecurringGroup> Recurring)
{
    /// <summary>The directorates an administrator filters the national register by (empty for everyone else).</summary>
    public IReadOnlyList<Option> Directorates { get; init; } = [];
}

/// <summary>
/// Builds what the register's pages show around the items, so the controller only maps: the page of the register
/// (a fixed number of commands whatever its size) and the establishments staff may raise an item for.
/// </summary>
public interface IRegisterPageService
{
    /// <summary>The page, or not found when the scope may not read the filter's directorate.</summary>
    Task<Result<RegisterPage>> BuildAsync(AccessScope scope, RegisterFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The establishments of the user's directorate (every one for administrators).</summary>
    Task<IReadOnlyList<Option>> RaisableEstablishmentsAsync(AccessScope scope, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class RegisterPageService(IFollowUpService followUp, IReferenceDataService reference) : IRegisterPageService
{
    public async Task<Result<RegisterPage>> BuildAsync(AccessScope scope, RegisterFilter filter, CancellationToken cancellationToken = default)
    {
        var result = await followUp.SearchAsync(scope, filter, cancellationToken);
        if (result.Value is null)
        {
            return Result.NotFound().With<RegisterPage>();
        }

        var directorate = filter.DirectorateId;
        var establishments = (await reference.EstablishmentsAsync(cancellationToken)).Where(e => directorate is null || e.GroupId == directorate).ToList();
        return Result.Success(new RegisterPage(
            result.Value, await reference.ProvincesAsync(directorate, cancellationToken), establishments, await followUp.RecurringAsync(scope, directorate, cancellationToken))
        {
            Directorates = scope.ChoosesDirectorate ? await reference.DirectoratesAsync(cancellationToken) : [],
        });
    }

    public async Task<IReadOnlyList<Option>> RaisableEstablishmentsAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var all = await reference.EstablishmentsAsync(cancellationToken);
        return scope.ListedDirectorateId is { } listed ? all.Where(e => e.GroupId == listed).ToList() : all;
    }
}
