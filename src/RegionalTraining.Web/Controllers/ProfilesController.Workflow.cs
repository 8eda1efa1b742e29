using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Web.ViewModels.Profiles;

namespace RegionalTraining.Web.Controllers;

public sealed partial class ProfilesController
{
    [HttpGet("{id:int}/Review")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        return View("Review", await ReviewModelAsync(owner, null, null, null, null, cancellationToken));
    }

    [HttpPost("{id:int}/Submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        var result = await profiles.SubmitAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return await AfterTransitionAsync(owner, result, "The profile was submitted to the directorate.", null, null, cancellationToken);
    }

    [HttpPost("{id:int}/Return")]
    public async Task<IActionResult> Return(
        int id,
        [EachStringLength(FieldLengths.Text), StoredIn(typeof(ProfileSectionState), nameof(ProfileSectionState.ReviewComment))] Dictionary<ProfileSection, string>? comments,
        CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        comments ??= [];
        var result = await profiles.ReturnAsync(await scopes.GetAsync(cancellationToken), id, comments, cancellationToken);
        return await AfterTransitionAsync(owner, result, "The profile was returned to the establishment with your comments.", comments, null, cancellationToken);
    }

    [HttpPost("{id:int}/Approve")]
    public async Task<IActionResult> Approve(int id, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        var result = await profiles.ApproveAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return await AfterTransitionAsync(owner, result, "The profile was approved and is now locked.", null, null, cancellationToken);
    }

    [HttpPost("{id:int}/Reopen")]
    public async Task<IActionResult> Reopen(
        int id,
        [StringLength(FieldLengths.Text), StoredIn(typeof(ProfileEvent), nameof(ProfileEvent.Comment))] string? reason,
        CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        var result = await profiles.ReopenAsync(await scopes.GetAsync(cancellationToken), id, reason ?? string.Empty, cancellationToken);
        return await AfterTransitionAsync(owner, result, "The profile was reopened; the establishment can correct it.", null, reason, cancellationToken);
    }

    [HttpGet("{id:int}/History")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        var profile = (await profiles.LoadAsync(id, cancellationToken))!;
        return View(new HistoryViewModel(await HeaderAsync(profile, owner, null, "History", cancellationToken), await profiles.HistoryAsync(id, cancellationToken)));
    }

    [HttpGet("{id:int}/Print")]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        var profile = (await profiles.LoadAsync(id, cancellationToken))!;
        return View(new PrintViewModel(
            await HeaderAsync(profile, owner, null, "Print", cancellationToken), profile,
            await needsAndConstraints.NeedsOfProfileAsync(id, cancellationToken),
            await needsAndConstraints.ConstraintsOfProfileAsync(id, cancellationToken),
            DateTime.UtcNow));
    }

    /// <summary>The owner when the user may read the profile; null when it does not exist or is out of reach.</summary>
    private async Task<ProfileRef?> ReadableAsync(int id, CancellationToken cancellationToken)
    {
        var owner = await profiles.GetRefAsync(id, cancellationToken);
        if (owner is null)
        {
            HttpContext.Items["profile-missing"] = true;
            return null;
        }

        var allowed = await authorization.AuthorizeAsync(User, owner.Establishment, EstablishmentOperations.Read);
        return allowed.Succeeded ? owner : null;
    }

    private IActionResult ForbidOrNotFound(int id) =>
        HttpContext.Items.ContainsKey("profile-missing") ? NotFound() : Forbid();

    private async Task<IActionResult> ShowAsync<TForm>(int id, ProfileSection section, Func<EstablishmentProfile, TForm> map, CancellationToken cancellationToken)
        where TForm : SectionForm
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        var profile = (await profiles.LoadAsync(id, cancellationToken))!;
        var form = map(profile);
        var state = profile.Sections.SingleOrDefault(s => s.Section == section);
        form.Version = state?.Version ?? Guid.Empty;
        form.WarningComment = state?.WarningComment;
        await DecorateAsync(form, profile, owner, section, cancellationToken);
        return View(section.ToString(), form);
    }

    private async Task<IActionResult> SaveAsync<TForm>(
        int id, ProfileSection section, TForm form, Func<AccessScope, CancellationToken, Task<SectionSaveResult>> save, CancellationToken cancellationToken)
        where TForm : SectionForm
    {
        if (await ReadableAsync(id, cancellationToken) is not { } owner)
        {
            return ForbidOrNotFound(id);
        }

        var scope = await scopes.GetAsync(cancellationToken);
        if (!ProfileWorkflow.MayAct(scope, ProfileAction.Edit, owner.Establishment))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var result = await save(scope, cancellationToken);
            switch (result.Status)
            {
                case SectionSaveStatus.Saved:
                    TempData["Status"] = SectionSaved;
                    return RedirectToAction(section.ToString(), new { id });
                case SectionSaveStatus.NotFound:
                    return NotFound();
                case SectionSaveStatus.Locked:
                    ModelState.AddModelError(string.Empty, t[SectionLocked]);
                    break;
                case SectionSaveStatus.Conflict:
                    ModelState.AddModelError(string.Empty, t[SectionConflict]);
                    // The next save is a deliberate choice made after seeing the message.
                    ModelState.Remove(nameof(SectionForm.Version));
                    form.Version = result.Version;
                    break;
            }
        }

        var profile = (await profiles.LoadAsync(id, cancellationToken))!;
        await DecorateAsync(form, profile, owner, section, cancellationToken);
        return View(section.ToString(), form);
    }

    private async Task DecorateAsync(SectionForm form, EstablishmentProfile profile, ProfileRef owner, ProfileSection section, CancellationToken cancellationToken)
    {
        form.Header = await HeaderAsync(profile, owner, section, section.ToString(), cancellationToken);
        var issues = await profiles.CheckAsync(profile.Id, forSubmission: false, cancellationToken);
        form.Issues = new IssueList(issues.Where(i => i.Section == section).ToList());
        if (form is ProgrammesForm programmes)
        {
            programmes.Catalogue = await reference.ProgrammeOptionsAsync(cancellationToken);
            // Two empty rows to add programmes without script; more appear after each save.
            programmes.Programmes.AddRange(Enumerable.Range(0, 2).Select(_ => new ProgrammeRow()));
        }
        else if (form is MaterialResourcesForm material)
        {
            material.Equipment.AddRange(Enumerable.Range(0, 2).Select(_ => new EquipmentRow()));
        }
        else if (form is NeedsForm needs)
        {
            needs.Needs.Add(new NeedRow());
        }
        else if (form is ConstraintsForm constraints)
        {
            constraints.Constraints.Add(new ConstraintRow());
        }
    }

    private async Task<ProfileHeader> HeaderAsync(EstablishmentProfile profile, ProfileRef owner, ProfileSection? section, string page, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var issues = await profiles.CheckAsync(profile.Id, forSubmission: false, cancellationToken);
        return new ProfileHeader
        {
            ProfileId = profile.Id,
            EstablishmentId = profile.EstablishmentId,
            EstablishmentNameFr = profile.Establishment!.NameFr,
            EstablishmentNameAr = profile.Establishment.NameAr,
            YearLabel = profile.TrainingYear!.Label,
            Status = profile.Status,
            SubmittedLate = profile.SubmittedLate,
            Deadline = profile.Campaign?.Deadline,
            CanEdit = ProfileWorkflow.Can(scope, ProfileAction.Edit, profile.Status, owner.Establishment),
            Current = section,
            CurrentPage = page,
            IssueCounts = ProfileHeader.Sections.ToDictionary(
                s => s,
                s => (issues.Count(i => i.Section == s && i.Level == IssueLevel.Error), issues.Count(i => i.Section == s && i.Level == IssueLevel.Warning))),
            ReviewComments = profile.Sections.Where(s => !string.IsNullOrWhiteSpace(s.ReviewComment))
                .ToDictionary(s => s.Section, s => s.ReviewComment!),
        };
    }

    private async Task<ReviewViewModel> ReviewModelAsync(
        ProfileRef owner, IReadOnlyList<ValidationIssue>? blocking, string? errorKey, Dictionary<ProfileSection, string>? comments, string? reason, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var profile = (await profiles.LoadAsync(owner.ProfileId, cancellationToken))!;
        var issues = blocking ?? await profiles.CheckAsync(owner.ProfileId, forSubmission: true, cancellationToken);
        return new ReviewViewModel
        {
            Header = await HeaderAsync(profile, owner, null, "Review", cancellationToken),
            Profile = profile,
            Needs = await needsAndConstraints.NeedsOfProfileAsync(owner.ProfileId, cancellationToken),
            Constraints = await needsAndConstraints.ConstraintsOfProfileAsync(owner.ProfileId, cancellationToken),
            Issues = new IssueList(issues),
            CanSubmit = ProfileWorkflow.Can(scope, ProfileAction.Submit, profile.Status, owner.Establishment),
            CanReturn = ProfileWorkflow.Can(scope, ProfileAction.Return, profile.Status, owner.Establishment),
            CanApprove = ProfileWorkflow.Can(scope, ProfileAction.Approve, profile.Status, owner.Establishment),
            CanReopen = ProfileWorkflow.Can(scope, ProfileAction.Reopen, profile.Status, owner.Establishment),
            ReturnComments = comments ?? [],
            ReopenReason = reason,
            ErrorKey = errorKey,
        };
    }

    private async Task<IActionResult> AfterTransitionAsync(
        ProfileRef owner, TransitionResult result, string doneMessage, Dictionary<ProfileSection, string>? comments, string? reason, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case TransitionStatus.Done:
                TempData["Status"] = doneMessage;
                return RedirectToAction(nameof(Review), new { id = owner.ProfileId });
            case TransitionStatus.NotFound:
                return NotFound();
            case TransitionStatus.NotAllowed:
                return Forbid();
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Review", await ReviewModelAsync(owner, result.Issues.Count > 0 ? result.Issues : null, result.ErrorKey, comments, reason, cancellationToken));
        }
    }
}
