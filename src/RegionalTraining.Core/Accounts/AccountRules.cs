namespace RegionalTraining.Core.Accounts;

/// <summary>What makes a role assignment coherent. Returns resource keys of the messages, empty when valid.</summary>
public static class AccountRules
{
    public const string UnknownRole = "Choose one of the roles.";
    public const string DirectorateRequired = "A regional director or staff member must belong to a directorate.";
    public const string EstablishmentRequired = "An establishment director must direct at least one establishment.";
    public const string EstablishmentsOfOneDirectorate = "The establishments of one director must belong to one directorate.";

    public static IReadOnlyDictionary<string, string> Validate(
        string role, int? directorateId, IReadOnlyCollection<int> establishmentDirectorateIds)
    {
        var errors = new Dictionary<string, string>();
        if (!Roles.All.Contains(role))
        {
            errors["Role"] = UnknownRole;
            return errors;
        }

        if (Roles.IsDirectorateRole(role) && directorateId is null)
        {
            errors["DirectorateId"] = DirectorateRequired;
        }

        if (role == Roles.EstablishmentDirector)
        {
            if (establishmentDirectorateIds.Count == 0)
            {
                errors["EstablishmentIds"] = EstablishmentRequired;
            }
            else if (establishmentDirectorateIds.Distinct().Count() > 1)
            {
                errors["EstablishmentIds"] = EstablishmentsOfOneDirectorate;
            }
        }

        return errors;
    }
}
