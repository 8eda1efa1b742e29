using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Accounts;

/// <summary>What makes a role assignment coherent. Returns field → key of <see cref="Messages"/>, empty when valid.</summary>
public static class AccountRules
{
    public static IReadOnlyDictionary<string, string> Validate(
        string role, int? directorateId, IReadOnlyCollection<int> establishmentDirectorateIds)
    {
        var errors = new Dictionary<string, string>();
        if (!Roles.All.Contains(role))
        {
            errors["Role"] = Messages.UnknownRole;
            return errors;
        }

        if (Roles.IsDirectorateRole(role) && directorateId is null)
        {
            errors["DirectorateId"] = Messages.DirectorateRequired;
        }

        if (role == Roles.EstablishmentDirector)
        {
            if (establishmentDirectorateIds.Count == 0)
            {
                errors["EstablishmentIds"] = Messages.EstablishmentRequired;
            }
            else if (establishmentDirectorateIds.Distinct().Count() > 1)
            {
                errors["EstablishmentIds"] = Messages.EstablishmentsOfOneDirectorate;
            }
        }

        return errors;
    }
}
