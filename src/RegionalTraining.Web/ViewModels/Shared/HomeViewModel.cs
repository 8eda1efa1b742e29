namespace RegionalTraining.Web.ViewModels.Shared;

public sealed record HomeViewModel(bool SignedIn, bool IsAdministrator, bool IsDirectorateMember, bool IsEstablishmentDirector);
