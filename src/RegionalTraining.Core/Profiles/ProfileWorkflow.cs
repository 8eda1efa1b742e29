using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Core.Profiles;

public enum ProfileAction
{
    Edit = 1,
    Submit = 2,
    Return = 3,
    Approve = 4,
    Reopen = 5,
}

/// <summary>
/// Draft → Submitted → Returned → Submitted → Approved (locked), and Approved → Returned when the regional
/// director reopens it. Who may act: the establishment's director edits and submits; directorate staff and the
/// regional director return; only the regional director approves and reopens.
/// </summary>
public static class ProfileWorkflow
{
    public static ProfileStatus? Next(ProfileStatus status, ProfileAction action) => (status, action) switch
    {
        (ProfileStatus.Draft or ProfileStatus.Returned, ProfileAction.Edit) => status,
        (ProfileStatus.Draft or ProfileStatus.Returned, ProfileAction.Submit) => ProfileStatus.Submitted,
        (ProfileStatus.Submitted, ProfileAction.Return) => ProfileStatus.Returned,
        (ProfileStatus.Submitted, ProfileAction.Approve) => ProfileStatus.Approved,
        (ProfileStatus.Approved, ProfileAction.Reopen) => ProfileStatus.Returned,
        _ => null,
    };

    public static bool IsEditable(ProfileStatus status) => Next(status, ProfileAction.Edit) is not null;

    /// <summary>Whether this person may take this action on a profile of this establishment (whatever its status).</summary>
    public static bool MayAct(AccessScope scope, ProfileAction action, EstablishmentRef establishment) => action switch
    {
        ProfileAction.Edit or ProfileAction.Submit =>
            scope.IsEstablishmentDirector && scope.EstablishmentIds.Contains(establishment.EstablishmentId),
        ProfileAction.Return =>
            scope.IsDirectorateMember && scope.DirectorateId == establishment.DirectorateId,
        ProfileAction.Approve or ProfileAction.Reopen =>
            scope.Roles.Contains(Roles.RegionalDirector) && scope.DirectorateId == establishment.DirectorateId,
        _ => false,
    };

    /// <summary>Both at once: the transition exists from this status and this person may take it.</summary>
    public static bool Can(AccessScope scope, ProfileAction action, ProfileStatus status, EstablishmentRef establishment) =>
        Next(status, action) is not null && MayAct(scope, action, establishment);
}
