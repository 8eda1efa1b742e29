namespace RegionalTraining.Core.Accounts;

/// <summary>The four roles of the portal. Names are stored in the database: never rename one.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string RegionalDirector = nameof(RegionalDirector);
    public const string DirectorateStaff = nameof(DirectorateStaff);
    public const string EstablishmentDirector = nameof(EstablishmentDirector);

    public static readonly IReadOnlyList<string> All = [Administrator, RegionalDirector, DirectorateStaff, EstablishmentDirector];

    /// <summary>Roles whose holder works for one directorate (and must have one).</summary>
    public static bool IsDirectorateRole(string role) => role is RegionalDirector or DirectorateStaff;
}
