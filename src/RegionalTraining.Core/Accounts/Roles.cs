namespace RegionalTraining.Core.Accounts;

/// <summary>The four roles of the portal. Names are stored in the database: never rename one.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string RegionalDirector = nameof(RegionalDirector);
    public const string DirectorateStaff = nameof(DirectorateStaff);
    public const string EstablishmentDirector = nameof(EstablishmentDirector);

    public static readonly IReadOnlyList<string> All = [Administrator, RegionalDirector, DirectorateStaff, EstablishmentDirector];

    /// <summary>The resource key of the role's name, literal so the resource tests see it.</summary>
    public static string LabelKey(string role) => role switch
    {
        Administrator => "Role.Administrator",
        RegionalDirector => "Role.RegionalDirector",
        DirectorateStaff => "Role.DirectorateStaff",
        EstablishmentDirector => "Role.EstablishmentDirector",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role"),
    };

    /// <summary>Roles whose holder works for one directorate (and must have one).</summary>
    public static bool IsDirectorateRole(string role) => role is RegionalDirector or DirectorateStaff;
}
