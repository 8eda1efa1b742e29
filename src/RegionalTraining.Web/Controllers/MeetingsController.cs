using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attachments;
using RegionalTraining.Core.Meetings.Attendance;
using RegionalTraining.Core.Meetings.Decisions;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Meetings;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The directorate's side of meetings. A meeting outside the caller's directorate answers 404, as if it did not
/// exist, so its existence is not disclosed before it is published.
/// </summary>
public sealed class MeetingsController(
    IMeetingPlanningService planning,
    IAttendanceService attendance,
    IDecisionService decisions,
    IMinutesService minutes,
    IMeetingAttachmentService attachments,
    IReferenceDataService reference,
    MeetingFormOptions options,
    IAccessScopeProvider scopes) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        return scope.Has(Capability.DirectorateWork) ? View(new MeetingIndexViewModel(await planning.ListAsync(scope, cancellationToken))) : NotFound();
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        return scope.Has(Capability.DirectorateWork) ? View("Edit", await options.FillAsync(new MeetingForm { FollowUpOfPrevious = true }, scope, cancellationToken)) : NotFound();
    }

    [HttpPost]
    public Task<IActionResult> Create(MeetingForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var meeting = await planning.EditAsync(scope, id, cancellationToken);
        return meeting is null ? NotFound() : View(await options.FillAsync(MeetingForm.From(meeting), scope, cancellationToken));
    }

    [HttpPost]
    public Task<IActionResult> Edit(int id, MeetingForm form, CancellationToken cancellationToken) => SaveAsync(id, form, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var meeting = await planning.PageAsync(scope, id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var establishments = (await reference.EstablishmentsAsync(cancellationToken)).Where(e => e.GroupId == meeting.DirectorateId).ToList();
        return View(new MeetingDetailsViewModel(meeting, establishments, await decisions.LinkableAsync(meeting.DirectorateId, cancellationToken),
            SummaryWorkflow.Allowed(scope, meeting.Summary?.Status, meeting.DirectorateId)));
    }

    [HttpPost]
    public async Task<IActionResult> AddAgendaItem(int id, AgendaItemForm form, CorrectionForm correction, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "add-agenda")
            : Updated(id, "add-agenda", await planning.AddAgendaItemAsync(await ScopeAsync(cancellationToken), id, form.ToInput(), correction.CorrectionReason, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> MoveAgendaItem(int id, int itemId, int offset, CorrectionForm correction, CancellationToken cancellationToken) =>
        Updated(id, "agenda", await planning.MoveAgendaItemAsync(await ScopeAsync(cancellationToken), id, itemId, offset, correction.CorrectionReason, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> RemoveAgendaItem(int id, int itemId, CorrectionForm correction, CancellationToken cancellationToken) =>
        Updated(id, "agenda", await planning.RemoveAgendaItemAsync(await ScopeAsync(cancellationToken), id, itemId, correction.CorrectionReason, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> SaveAttendance(int id, List<AttendanceRow> rows, CorrectionForm correction, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "attendance")
            : Updated(id, "attendance", await attendance.SaveAttendanceAsync(await ScopeAsync(cancellationToken), id, AttendanceRow.ToInput(rows), correction.CorrectionReason, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> AddIntervention(int id, InterventionForm form, CorrectionForm correction, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "add-intervention")
            : Updated(id, "add-intervention", await attendance.AddInterventionAsync(await ScopeAsync(cancellationToken), id, form.ToInput(), correction.CorrectionReason, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> RemoveIntervention(int id, int interventionId, CorrectionForm correction, CancellationToken cancellationToken) =>
        Updated(id, "interventions", await attendance.RemoveInterventionAsync(await ScopeAsync(cancellationToken), id, interventionId, correction.CorrectionReason, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> AddDecision(int id, DecisionForm form, CorrectionForm correction, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "add-decision")
            : Updated(id, "add-decision", await decisions.AddDecisionAsync(await ScopeAsync(cancellationToken), id, form.ToInput(), correction.CorrectionReason, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> AddDecisionNote(int id, DecisionNoteForm form, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "decisions") : Updated(id, "decisions", await decisions.AddNoteAsync(await ScopeAsync(cancellationToken), id, form.ToInput(), cancellationToken));

    [HttpPost]
    [RequestSizeLimit(AttachmentRules.MaximumBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaximumBytes + 1024 * 1024)]
    public async Task<IActionResult> AddAttachment(int id, AttachmentForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Refused(id, "attachments");
        }

        // No file is an empty one: the service refuses it with its message.
        await using var stream = form.File?.OpenReadStream() ?? Stream.Null;
        var result = await attachments.AddAsync(await ScopeAsync(cancellationToken), id, stream, form.File?.FileName ?? string.Empty, form.Caption, form.CorrectionReason, cancellationToken);
        return this.RespondWithRedirect(result, Messages.AttachmentAdded, () => ToDetails(id, "attachments"));
    }

    [HttpPost]
    public async Task<IActionResult> RemoveAttachment(int id, int attachmentId, CorrectionForm correction, CancellationToken cancellationToken) =>
        Updated(id, "attachments", await attachments.RemoveAsync(await ScopeAsync(cancellationToken), id, attachmentId, correction.CorrectionReason, cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Summary(int id, CancellationToken cancellationToken)
    {
        var draft = await minutes.DraftAsync(await ScopeAsync(cancellationToken), id, cancellationToken);
        return draft is null ? NotFound() : View(SummaryForm.From(draft));
    }

    [HttpPost]
    public async Task<IActionResult> Summary(int id, SummaryForm form, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        var result = ModelState.IsValid
            ? await minutes.SaveAsync(scope, id, form.ToInput(), FormTokens.Decode(form.RowVersion), form.CorrectionReason, cancellationToken)
            : Result.Invalid(Array.Empty<FieldError>());
        return await this.RespondAsync(result, Messages.SummarySaved, () => RedirectToAction(nameof(Summary), new { id }),
            () => SummaryAgainAsync(scope, id, form, cancellationToken), nameof(form.RowVersion));
    }

    [HttpPost]
    public async Task<IActionResult> Transition(int id, SummaryAction action, CancellationToken cancellationToken)
    {
        var result = await minutes.TransitionAsync(await ScopeAsync(cancellationToken), id, action, cancellationToken);
        return this.RespondWithRedirect(result, Messages.SummaryActionDone(action), () => RedirectToAction(nameof(Details), new { id }));
    }

    [HttpGet]
    public async Task<IActionResult> Revisions(int id, int? number, CancellationToken cancellationToken)
    {
        var history = await minutes.RevisionsAsync(await ScopeAsync(cancellationToken), id, number, cancellationToken);
        return history is null ? NotFound() : View(history);
    }

    [HttpGet]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var meeting = await planning.PageAsync(await ScopeAsync(cancellationToken), id, cancellationToken);
        return meeting is null ? NotFound() : View("~/Views/PublicMeetings/Print.cshtml", new MeetingPageViewModel(meeting, IsPublic: false, null));
    }

    [HttpGet]
    public async Task<IActionResult> Actions(bool overdue = false, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        return scope.Has(Capability.DirectorateWork) ? View(new ActionListViewModel(await decisions.ActionListAsync(scope, overdue, cancellationToken), overdue)) : NotFound();
    }

    private Task<AccessScope> ScopeAsync(CancellationToken cancellationToken) => scopes.GetAsync(cancellationToken);

    private RedirectResult ToDetails(int id, string anchor) => Redirect(Url.Action(nameof(Details), new { id }) + "#" + anchor);

    /// <summary>A small form of the meeting's page was accepted or refused: the message goes above the page, at the form's section.</summary>
    private IActionResult Updated(int id, string anchor, Result result) => this.RespondWithRedirect(result, Messages.MeetingUpdated, () => ToDetails(id, anchor));

    /// <summary>
    /// A refused small form of the meeting's page, which has no page of its own: its first error is shown above the
    /// meeting's page (clipped, since a message may quote what was typed and travels in a cookie).
    /// </summary>
    private IActionResult Refused(int id, string anchor)
    {
        var message = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? Messages.MeetingValueNotValid;
        TempData[Flash.Error] = message.Length > 300 ? message[..300] + "…" : message;
        return ToDetails(id, anchor);
    }

    private async Task<IActionResult> SaveAsync(int? id, MeetingForm form, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (!scope.Has(Capability.DirectorateWork))
        {
            return NotFound();
        }

        form.Id = id;
        var result = ModelState.IsValid
            ? await planning.SaveAsync(scope, id, form.DirectorateId, form.ToInput(), FormTokens.Decode(form.RowVersion), form.CorrectionReason, cancellationToken)
            : Result.Invalid(Array.Empty<FieldError>()).With<int>();
        return await this.RespondAsync(result, Messages.MeetingSaved, () => RedirectToAction(nameof(Details), new { id = result.Value }),
            () => EditAgainAsync(scope, form, result.Status == ResultStatus.Conflict, cancellationToken), nameof(form.RowVersion));
    }

    private async Task<IActionResult> EditAgainAsync(AccessScope scope, MeetingForm form, bool conflict, CancellationToken cancellationToken)
    {
        var stored = form.Id is { } id ? await planning.EditAsync(scope, id, cancellationToken) : null;
        if (conflict && stored is not null)
        {
            form.RowVersion = FormTokens.Encode(stored.RowVersion);
        }

        form.Published = stored?.Published ?? false;
        return View("Edit", await options.FillAsync(form, scope, cancellationToken));
    }

    private async Task<IActionResult> SummaryAgainAsync(AccessScope scope, int id, SummaryForm form, CancellationToken cancellationToken)
    {
        var draft = await minutes.DraftAsync(scope, id, cancellationToken);
        return draft is null ? NotFound() : View(form.Showing(draft));
    }
}
