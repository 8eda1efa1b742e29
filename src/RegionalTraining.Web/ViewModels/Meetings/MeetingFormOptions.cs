using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Meetings.FollowThrough;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Web.ViewModels.Meetings;

/// <summary>
/// Fills the meeting form's choices for the caller's reach: the establishments and directorates to pick from and, for a
/// new meeting, the previous one whose follow-up may go on the agenda (each directorate's, when the caller chooses it). Shared by the new, edit and refused-save pages,
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
        if (form.Id is null && scope.ChoosesDirectorate)
        {
            // The latest meeting of any directorate would be the wrong one: the chosen directorate's is shown (site.js).
            form.PreviousByDirectorate = await followThrough.LatestByDirectorateAsync(scope, cancellationToken);
        }
        else if (form.Id is null)
        {
            form.Previous = await followThrough.LatestAsync(scope, cancellationToken);
        }

        return form;
    }
}
