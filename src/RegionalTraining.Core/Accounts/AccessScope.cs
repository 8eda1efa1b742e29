namespace RegionalTraining.Core.Accounts;

/// <summary>What a resource belongs to, as far as access rules care.</summary>
public readonly record struct EstablishmentRef(int EstablishmentId, int DirectorateId);

public enum AccessOperation
{
    Read,
    Edit,
}

/// <summary>What a user may do regardless of any one establishment.</summary>
public enum Capability
{
    /// <summary>Create accounts, set roles and perimeters, disable accounts, reset second factors.</summary>
    ManageAccounts,

    /// <summary>Edit provinces, the programme catalogue and establishments' structural fields.</summary>
    ManageReferenceData,

    /// <summary>The directorate's own work: campaigns, dashboards, meetings, the review queue.</summary>
    DirectorateWork,
}

/// <summary>
/// Everything the signed-in person may reach. Built once per request from the database (never from a form or
/// a URL), and the single place where the rules "a director sees only his establishments, a regional director
/// or staff member only his directorate, an administrator everything" are written.
/// </summary>
public sealed record AccessScope(
    string? UserId,
    IReadOnlySet<string> Roles,
    int? DirectorateId,
    IReadOnlySet<int> EstablishmentIds)
{
    public static readonly AccessScope Anonymous = new(null, new HashSet<string>(), null, new HashSet<int>());

    public bool IsAdministrator => Roles.Contains(Accounts.Roles.Administrator);

    public bool IsDirectorateMember =>
        DirectorateId is not null
        && (Roles.Contains(Accounts.Roles.RegionalDirector) || Roles.Contains(Accounts.Roles.DirectorateStaff));

    public bool IsEstablishmentDirector => Roles.Contains(Accounts.Roles.EstablishmentDirector);

    /// <summary>Directorate members and directors read and edit what is theirs; nobody else reaches anything.</summary>
    public bool Can(AccessOperation operation, EstablishmentRef establishment)
    {
        _ = operation; // read and edit follow the same perimeter today; the parameter keeps call sites explicit
        if (IsAdministrator)
        {
            return true;
        }

        if (IsDirectorateMember && establishment.DirectorateId == DirectorateId)
        {
            return true;
        }

        return IsEstablishmentDirector && EstablishmentIds.Contains(establishment.EstablishmentId);
    }

    public bool IsSignedIn => UserId is not null;

    public bool Has(Capability capability) => capability switch
    {
        Capability.ManageAccounts or Capability.ManageReferenceData => IsAdministrator,
        Capability.DirectorateWork => IsAdministrator || IsDirectorateMember,
        _ => false,
    };

    /// <summary>Administrators work across directorates and pick one on forms and filters; everyone else has his own.</summary>
    public bool ChoosesDirectorate => IsAdministrator;

    /// <summary>
    /// The directorate a list is limited to: null (every directorate) for administrators, the user's own otherwise
    /// (a director's is that of his establishments), and one that matches nothing for someone who has none. Lists
    /// of the directorate's own work use it behind <see cref="Capability.DirectorateWork"/>.
    /// </summary>
    public int? ListedDirectorateId => IsAdministrator ? null : DirectorateId ?? NoDirectorate;

    /// <summary>
    /// The directorate whose own work (meetings, decisions, campaigns) the user's lists show: null (every one) for
    /// administrators, his own for its regional director and staff, none for anyone else. For queries, where
    /// <see cref="CanReadDirectorate"/> cannot be translated.
    /// </summary>
    public int? DirectorateOfWork => IsAdministrator ? null : IsDirectorateMember ? DirectorateId : NoDirectorate;

    /// <summary>The directorate the user works on: the one an administrator chose (null: all or none yet), the user's own otherwise.</summary>
    public int? DirectorateInFocus(int? chosen) => IsAdministrator ? chosen : DirectorateId;

    private const int NoDirectorate = -1;

    /// <summary>Whether the user may see figures or records of a whole directorate.</summary>
    public bool CanReadDirectorate(int directorateId) =>
        IsAdministrator || (IsDirectorateMember && DirectorateId == directorateId);

    /// <summary>Structural fields (type, province, complex, code) are reference data: administrators only.</summary>
    public bool CanEditStructure => Has(Capability.ManageReferenceData);
}
