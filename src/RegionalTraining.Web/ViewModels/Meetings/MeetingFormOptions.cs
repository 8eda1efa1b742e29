using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Meetings.FollowThrough;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Web.ViewModels.Meetings;

/// <summary>
/// Fills the meeting form's choices for the caller's reach: the establishments and directorates to pick from and, for a
/// new meeting, the previous one whose follow-up may go on the agenda. Shared by the new, edit and refused-save pages,
/// so the controller's actions stay short.
/// </summary>
public sealed class MeetingFormOptions(IReferenceDataService reference, IMeetingFollowThrough followThrough)
{
    public async Task<MeetingForm> FillAsync(MeetingForm form, AccessScope scope, CancellationToken cancellationToken)
    {
        var all = await reference.EstablishmentsAsync(cancellationToken);
        form.Establishments = scope.ListedDirectorateId is { } listed ? all.Where(e => e.GroupId == listed).ToList() : all;
        form.ChooseDirectorate = scope.ChoosesDirectorate;
        form.Directorates = scope.ChoosesDirectorate ? await reference.DirectoratesAsync(cancellationToken) : [];
        form.Previous = form.Id is null ? await followThrough.LatestAsync(scope, cancellationToken) : null;
        return form;
    }
}
