using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Web.ViewModels.Register;

/// <summary>The register overview's filters, bound from the address: a directorate (administrators) and the period items were raised in.</summary>
public sealed class RegisterOverviewQuery
{
    public int? Directorate { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public RegisterOverviewFilter ToFilter(AccessScope scope) => new(scope.DirectorateInFocus(Directorate), From, To);
}

/// <summary>The overview with its filters; <paramref name="Directorates"/> is empty for those who do not choose one.</summary>
public sealed record RegisterOverviewViewModel(RegisterOverview Overview, RegisterOverviewQuery Query, IReadOnlyList<Option> Directorates);
