using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Meetings;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The directorate's side of meetings. A meeting outside the caller's directorate answers 404, as if it did not
/// exist, so its existence is not disclosed before it is published.
/// </summary>
public sealed class MeetingsController(
    IMeetingService meetings,
    IReferenceDataService reference,
    IAccessScopeProvider scopes,
    AppDbContext db,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        if (!scope.Has(Capability.DirectorateWork))
        {
            return NotFound();
        }

        return View(new MeetingIndexViewModel(await meetings.ListAsync(scope, cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        if (!scope.Has(Capability.DirectorateWork))
        {
            return NotFound();
        }

        return View("Edit", await WithOptionsAsync(new MeetingForm(), scope, cancellationToken));
    }

    [HttpPost]
    public Task<IActionResult> Create(MeetingForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var meeting = await meetings.GetForStaffAsync(scope, id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var form = new MeetingForm
        {
            Id = id, TitleFr = meeting.TitleFr, TitleAr = meeting.TitleAr, Kind = meeting.Kind, StartsOn = meeting.StartsOn, EndsOn = meeting.EndsOn,
            VenueEstablishmentId = meeting.VenueEstablishmentId, VenueText = meeting.VenueText, ChairName = meeting.ChairName, Status = meeting.Status,
            AnnouncedPublicly = meeting.AnnouncedPublicly, InvitedEstablishmentIds = meeting.Invitations.Select(i => i.EstablishmentId).ToList(),
            DirectorateId = meeting.DirectorateId, RowVersion = FormTokens.Encode(meeting.RowVersion),
        };
        return View(await WithOptionsAsync(form, scope, cancellationToken));
    }

    [HttpPost]
    public Task<IActionResult> Edit(int id, MeetingForm form, CancellationToken cancellationToken) => SaveAsync(id, form, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var meeting = await meetings.GetForStaffAsync(scope, id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var establishments = (await reference.EstablishmentsAsync(cancellationToken)).Where(e => e.GroupId == meeting.DirectorateId).ToList();
        var open = new[] { FollowUpStatus.Open, FollowUpStatus.InProgress };
        var constraints = await db.Constraints.AsNoTracking()
            .Where(c => open.Contains(c.Status) && c.Establishment!.Province!.Region!.DirectorateId == meeting.DirectorateId)
            .OrderBy(c => c.Establishment!.NameFr).Take(300)
            .Select(c => new ConstraintOption(c.Id, c.Establishment!.NameFr, c.Establishment.NameAr, c.Description))
            .ToListAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking()
            .Where(n => open.Contains(n.Status) && n.Establishment!.Province!.Region!.DirectorateId == meeting.DirectorateId)
            .OrderBy(n => n.Establishment!.NameFr).Take(300)
            .Select(n => new ConstraintOption(n.Id, n.Establishment!.NameFr, n.Establishment.NameAr, n.Description))
            .ToListAsync(cancellationToken);
        var status = meeting.Summary?.Status ?? SummaryStatus.Draft;
        return View(new MeetingDetailsViewModel(meeting, establishments, constraints, needs,
            meeting.Summary is not null && SummaryWorkflow.Can(scope, SummaryAction.SendToReview, status, meeting.DirectorateId),
            meeting.Summary is not null && SummaryWorkflow.Can(scope, SummaryAction.Approve, status, meeting.DirectorateId),
            meeting.Summary is not null && SummaryWorkflow.Can(scope, SummaryAction.SendBack, status, meeting.DirectorateId),
            meeting.Summary is not null && SummaryWorkflow.Can(scope, SummaryAction.Publish, status, meeting.DirectorateId)));
    }

    [HttpPost]
    public async Task<IActionResult> AddAgendaItem(int id, AgendaItemForm form, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "agenda")
            : Done(id, await meetings.AddAgendaItemAsync(await scopes.GetAsync(cancellationToken), id, form.ToInput(), cancellationToken), "agenda");

    [HttpPost]
    public async Task<IActionResult> MoveAgendaItem(int id, int itemId, int offset, CancellationToken cancellationToken) =>
        Done(id, await meetings.MoveAgendaItemAsync(await scopes.GetAsync(cancellationToken), id, itemId, offset, cancellationToken), "agenda");

    [HttpPost]
    public async Task<IActionResult> RemoveAgendaItem(int id, int itemId, CancellationToken cancellationToken) =>
        Done(id, await meetings.RemoveAgendaItemAsync(await scopes.GetAsync(cancellationToken), id, itemId, cancellationToken), "agenda");

    [HttpPost]
    public async Task<IActionResult> SaveAttendance(int id, List<AttendanceRow> rows, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "attendance") : Done(id, await meetings.SaveAttendanceAsync(await scopes.GetAsync(cancellationToken), id,
            rows.Select(r => new AttendanceInput(r.EstablishmentId, r.Attendance, r.RepresentedBy)).ToList(), cancellationToken), "attendance");

    [HttpPost]
    public async Task<IActionResult> AddIntervention(int id, InterventionForm form, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "interventions")
            : Done(id, await meetings.AddInterventionAsync(await scopes.GetAsync(cancellationToken), id, form.ToInput(), cancellationToken), "interventions");

    [HttpPost]
    public async Task<IActionResult> RemoveIntervention(int id, int interventionId, CancellationToken cancellationToken) =>
        Done(id, await meetings.RemoveInterventionAsync(await scopes.GetAsync(cancellationToken), id, interventionId, cancellationToken), "interventions");

    [HttpPost]
    public async Task<IActionResult> AddDecision(int id, DecisionForm form, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "decisions")
            : Done(id, await meetings.AddDecisionAsync(await scopes.GetAsync(cancellationToken), id, form.ToInput(), cancellationToken), "decisions");

    [HttpPost]
    [RequestSizeLimit(AttachmentRules.MaximumBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaximumBytes + 1024 * 1024)]
    public async Task<IActionResult> AddAttachment(int id, AttachmentForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Refused(id, "attachments");
        }

        if (form.File is not { } file)
        {
            TempData["Error"] = AttachmentRules.Empty;
            return Redirect(Url.Action(nameof(Details), new { id }) + "#attachments");
        }

        await using var stream = file.OpenReadStream();
        var result = await meetings.AddAttachmentAsync(await scopes.GetAsync(cancellationToken), id, stream, file.FileName, form.Caption, cancellationToken);
        if (result.Status == SaveStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status == SaveStatus.Saved)
        {
            TempData["Status"] = "The file was attached.";
        }
        else
        {
            TempData["Error"] = result.Errors!.Values.First();
        }

        return Redirect(Url.Action(nameof(Details), new { id }) + "#attachments");
    }

    [HttpPost]
    public async Task<IActionResult> RemoveAttachment(int id, int attachmentId, CancellationToken cancellationToken) =>
        Done(id, await meetings.RemoveAttachmentAsync(await scopes.GetAsync(cancellationToken), id, attachmentId, cancellationToken), "attachments");

    [HttpPost]
    public async Task<IActionResult> AddDecisionNote(int id, DecisionNoteForm form, CancellationToken cancellationToken) =>
        !ModelState.IsValid ? Refused(id, "decisions")
            : Done(id, await meetings.AddDecisionNoteAsync(await scopes.GetAsync(cancellationToken), form.DecisionId, form.Text!, form.Status, cancellationToken), "decisions");

    [HttpGet]
    public async Task<IActionResult> Summary(int id, CancellationToken cancellationToken)
    {
        var meeting = await meetings.GetForStaffAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var s = meeting.Summary;
        return View(Fill(new SummaryForm
        {
            MeetingId = id, BodyFr = s?.BodyFr ?? string.Empty, BodyAr = s?.BodyAr ?? string.Empty,
            PressStatementFr = s?.PressStatementFr, PressStatementAr = s?.PressStatementAr,
            RowVersion = s is null ? null : FormTokens.Encode(s.RowVersion),
        }, meeting));
    }

    [HttpPost]
    public async Task<IActionResult> Summary(int id, SummaryForm form, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var meeting = await meetings.GetForStaffAsync(scope, id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await meetings.SaveSummaryAsync(scope, id, new SummaryInput(form.BodyFr ?? string.Empty, form.BodyAr ?? string.Empty, form.PressStatementFr, form.PressStatementAr),
                FormTokens.Decode(form.RowVersion), form.CorrectionReason, cancellationToken);
            switch (result.Status)
            {
                case SaveStatus.Saved:
                    TempData["Status"] = "The summary was saved.";
                    return RedirectToAction(nameof(Summary), new { id });
                case SaveStatus.NotFound:
                    return NotFound();
                case SaveStatus.Conflict:
                    ModelState.AddModelError(string.Empty, t[MeetingService.SummaryConflict]);
                    // The next save is a deliberate choice, made after seeing the message and the revisions.
                    ModelState.Remove(nameof(form.RowVersion));
                    form.RowVersion = meeting.Summary is null ? null : FormTokens.Encode(meeting.Summary.RowVersion);
                    break;
                default:
                    foreach (var (field, message) in result.Errors ?? new Dictionary<string, string>())
                    {
                        ModelState.AddModelError(field, t[message]);
                    }

                    break;
            }
        }

        return View(Fill(form, meeting));
    }

    [HttpPost]
    public async Task<IActionResult> Transition(int id, SummaryAction action, CancellationToken cancellationToken)
    {
        var result = await meetings.TransitionSummaryAsync(await scopes.GetAsync(cancellationToken), id, action, cancellationToken);
        if (result.Status == SaveStatus.NotFound)
        {
            return NotFound();
        }

        TempData[result.Status == SaveStatus.Saved ? "Status" : "Error"] = result.Status == SaveStatus.Saved ? $"SummaryAction.{action}.Done" : MeetingService.NotEditable;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Revisions(int id, int? number, CancellationToken cancellationToken)
    {
        var meeting = await meetings.GetForStaffAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        if (meeting?.Summary is null)
        {
            return NotFound();
        }

        var revisions = meeting.Summary.Revisions.OrderByDescending(r => r.Number).ToList();
        var shown = revisions.FirstOrDefault(r => r.Number == number) ?? revisions.FirstOrDefault();
        var previous = shown is null ? null : revisions.Where(r => r.Number < shown.Number).MaxBy(r => r.Number);
        return View(new RevisionsViewModel(meeting, revisions, shown, previous));
    }

    [HttpGet]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var meeting = await meetings.GetForStaffAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return meeting is null ? NotFound() : View("~/Views/PublicMeetings/Print.cshtml", new MeetingPageViewModel(meeting, IsPublic: false, null));
    }

    [HttpGet]
    public async Task<IActionResult> Actions(bool overdue = false, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        if (!scope.Has(Capability.DirectorateWork))
        {
            return NotFound();
        }

        return View(new ActionListViewModel(await meetings.ActionListAsync(scope, overdue, cancellationToken), overdue));
    }

    private IActionResult Done(int id, bool found, string anchor)
    {
        if (!found)
        {
            return NotFound();
        }

        TempData["Status"] = "The meeting was updated.";
        return Redirect(Url.Action(nameof(Details), new { id }) + "#" + anchor);
    }

    /// <summary>
    /// A refused small form of the meeting's page, which has no page of its own: its first error is shown above the
    /// meeting's page (clipped, since a message may quote what was typed and travels in a cookie).
    /// </summary>
    private IActionResult Refused(int id, string anchor)
    {
        var message = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? t["The value is not valid."].Value;
        TempData["Error"] = message.Length > 300 ? message[..300] + "…" : message;
        return Redirect(Url.Action(nameof(Details), new { id }) + "#" + anchor);
    }

    private async Task<IActionResult> SaveAsync(int? id, MeetingForm form, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        if (!scope.Has(Capability.DirectorateWork))
        {
            return NotFound();
        }

        var directorateId = scope.DirectorateInFocus(form.DirectorateId);
        if (directorateId is null)
        {
            ModelState.AddModelError(nameof(form.DirectorateId), t["Choose a directorate from the list."]);
        }

        if (ModelState.IsValid)
        {
            var result = await meetings.SaveAsync(scope, id, directorateId!.Value, form.ToInput(), FormTokens.Decode(form.RowVersion), cancellationToken);
            switch (result.Status)
            {
                case SaveStatus.Saved:
                    TempData["Status"] = "The meeting was saved.";
                    return RedirectToAction(nameof(Details), new { id = result.Id });
                case SaveStatus.NotFound:
                    return NotFound();
                case SaveStatus.Conflict:
                    ModelState.AddModelError(string.Empty, t[ProvincesController.ConflictMessage]);
                    var stored = await meetings.GetForStaffAsync(scope, id!.Value, cancellationToken);
                    ModelState.Remove(nameof(form.RowVersion));
                    form.RowVersion = stored is null ? null : FormTokens.Encode(stored.RowVersion);
                    break;
                default:
                    foreach (var (field, message) in result.Errors ?? new Dictionary<string, string>())
                    {
                        ModelState.AddModelError(field, t[message]);
                    }

                    break;
            }
        }

        form.Id = id;
        return View("Edit", await WithOptionsAsync(form, scope, cancellationToken));
    }

    private async Task<MeetingForm> WithOptionsAsync(MeetingForm form, AccessScope scope, CancellationToken cancellationToken)
    {
        var all = await reference.EstablishmentsAsync(cancellationToken);
        form.Establishments = scope.ListedDirectorateId is { } listed ? all.Where(e => e.GroupId == listed).ToList() : all;
        form.ChooseDirectorate = scope.ChoosesDirectorate;
        form.Directorates = scope.ChoosesDirectorate ? await reference.DirectoratesAsync(cancellationToken) : [];
        return form;
    }

    private static SummaryForm Fill(SummaryForm form, Meeting meeting)
    {
        form.MeetingId = meeting.Id;
        form.Status = meeting.Summary?.Status ?? SummaryStatus.Draft;
        form.MeetingTitleFr = meeting.TitleFr;
        form.MeetingTitleAr = meeting.TitleAr;
        form.Revisions = meeting.Summary?.Revisions.OrderByDescending(r => r.Number).ToList() ?? [];
        return form;
    }
}
