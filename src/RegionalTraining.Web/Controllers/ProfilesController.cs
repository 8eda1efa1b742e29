using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Profiles;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The identity sheet: one page per section, a review page with the workflow, history and print. The services
/// check who may read or act; each page reads the profile once.
/// </summary>
[Route("Profiles")]
public sealed partial class ProfilesController(
    IProfileService profiles,
    INeedsAndConstraintsService needsAndConstraints,
    IReferenceDataService reference,
    IAccessScopeProvider scopes,
    LocalCalendar calendar) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await profiles.IndexAsync(await scopes.GetAsync(cancellationToken), cancellationToken));

    [HttpPost("Start")]
    public async Task<IActionResult> Start(int establishmentId, int trainingYearId, CancellationToken cancellationToken)
    {
        var result = await profiles.StartAsync(await scopes.GetAsync(cancellationToken), establishmentId, trainingYearId, cancellationToken);
        return this.RespondWithRedirect(result, null, () => result.Succeeded
            ? RedirectToAction(nameof(General), new { id = result.Value })
            : RedirectToAction(nameof(Index)));
    }

    [HttpGet("{id:int}/General")]
    public Task<IActionResult> General(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, v => v.Inputs.General, cancellationToken);

    [HttpPost("{id:int}/General")]
    public Task<IActionResult> General(int id, GeneralInput input, SectionPost post, CancellationToken cancellationToken) =>
        SaveAsync(id, input, post, v => v.Inputs.General, (scope, edit, c) => profiles.SaveAsync(scope, id, edit, c), cancellationToken);

    [HttpGet("{id:int}/HumanResources")]
    public Task<IActionResult> HumanResources(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, v => v.Inputs.HumanResources, cancellationToken);

    [HttpPost("{id:int}/HumanResources")]
    public Task<IActionResult> HumanResources(int id, HumanResourcesInput input, SectionPost post, CancellationToken cancellationToken) =>
        SaveAsync(id, input, post, v => v.Inputs.HumanResources, (scope, edit, c) => profiles.SaveAsync(scope, id, edit, c), cancellationToken);

    [HttpGet("{id:int}/MaterialResources")]
    public Task<IActionResult> MaterialResources(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, v => v.Inputs.MaterialResources, cancellationToken);

    [HttpPost("{id:int}/MaterialResources")]
    public Task<IActionResult> MaterialResources(int id, MaterialResourcesInput input, SectionPost post, CancellationToken cancellationToken) =>
        SaveAsync(id, input, post, v => v.Inputs.MaterialResources, (scope, edit, c) => profiles.SaveAsync(scope, id, edit, c), cancellationToken);

    [HttpGet("{id:int}/Programmes")]
    public Task<IActionResult> Programmes(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, v => v.Inputs.Programmes, cancellationToken);

    [HttpPost("{id:int}/Programmes")]
    public Task<IActionResult> Programmes(int id, ProgrammesInput input, SectionPost post, CancellationToken cancellationToken) =>
        SaveAsync(id, input, post, v => v.Inputs.Programmes, (scope, edit, c) => profiles.SaveAsync(scope, id, edit, c), cancellationToken);

    [HttpGet("{id:int}/Needs")]
    public Task<IActionResult> Needs(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, v => v.Needs, cancellationToken);

    [HttpPost("{id:int}/Needs")]
    public Task<IActionResult> Needs(int id, NeedsInput input, SectionPost post, CancellationToken cancellationToken) =>
        SaveAsync(id, input, post, v => v.Needs, (scope, edit, c) => needsAndConstraints.SaveAsync(scope, id, edit, c), cancellationToken);

    [HttpGet("{id:int}/Constraints")]
    public Task<IActionResult> Constraints(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, v => v.Constraints, cancellationToken);

    [HttpPost("{id:int}/Constraints")]
    public Task<IActionResult> Constraints(int id, ConstraintsInput input, SectionPost post, CancellationToken cancellationToken) =>
        SaveAsync(id, input, post, v => v.Constraints, (scope, edit, c) => needsAndConstraints.SaveAsync(scope, id, edit, c), cancellationToken);

    private Task<IActionResult> ShowAsync<TInput>(int id, Func<ProfileView, TInput> pick, CancellationToken cancellationToken)
        where TInput : ISectionInput =>
        PageAsync(id, forSubmission: false, async view =>
        {
            var state = view.StateOf(TInput.Section);
            return View(TInput.Section.ToString(), await FormAsync(view, pick(view), state.Version, state.WarningComment, null, cancellationToken));
        }, cancellationToken);

    private async Task<IActionResult> SaveAsync<TInput>(
        int id, TInput input, SectionPost post, Func<ProfileView, TInput> pick,
        Func<AccessScope, SectionEdit<TInput>, CancellationToken, Task<Result>> save, CancellationToken cancellationToken)
        where TInput : ISectionInput
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var result = await profiles.MayEditAsync(scope, id, cancellationToken);
        if (result.Succeeded)
        {
            // Field errors of the binding are already in the model state; the service sees only valid input.
            result = ModelState.IsValid ? await save(scope, new SectionEdit<TInput>(input, post.Version, post.WarningComment), cancellationToken) : Result.Invalid([]);
        }

        return await this.RespondAsync(result, Messages.SectionSaved, () => RedirectToAction(TInput.Section.ToString(), new { id }),
            () => PageAsync(id, forSubmission: false,
                view => SectionAgainAsync(view, input, post, pick, result.Status == ResultStatus.Conflict, cancellationToken), cancellationToken),
            nameof(SectionPost.Version));
    }

    /// <summary>The section as typed; after a conflict it carries the stored token and shows the stored value under each field that differs.</summary>
    private async Task<IActionResult> SectionAgainAsync<TInput>(
        ProfileView view, TInput input, SectionPost post, Func<ProfileView, TInput> pick, bool conflict, CancellationToken cancellationToken)
        where TInput : ISectionInput
    {
        var stored = view.StateOf(TInput.Section);
        var nowSaved = conflict ? SectionFields.Differences(input, pick(view)) : null;
        if (conflict && SectionFields.Text(post.WarningComment) != SectionFields.Text(stored.WarningComment))
        {
            nowSaved![nameof(SectionPost.WarningComment)] = stored.WarningComment;
        }

        return View(TInput.Section.ToString(), await FormAsync(view, input, conflict ? stored.Version : post.Version, post.WarningComment, nowSaved, cancellationToken));
    }

    private async Task<SectionForm<TInput>> FormAsync<TInput>(
        ProfileView view, TInput input, Guid version, string? warningComment, IReadOnlyDictionary<string, object?>? nowSaved, CancellationToken cancellationToken)
        where TInput : ISectionInput =>
        SectionForms.Create(view, input, version, warningComment, nowSaved,
            input is ProgrammesInput ? await reference.ProgrammeOptionsAsync(cancellationToken) : []);

    /// <summary>Reads the profile once for a page: 404 or 403 when it is missing or out of the reader's reach.</summary>
    private async Task<IActionResult> PageAsync(int id, bool forSubmission, Func<ProfileView, Task<IActionResult>> render, CancellationToken cancellationToken)
    {
        var view = await profiles.ViewAsync(await scopes.GetAsync(cancellationToken), id, forSubmission, cancellationToken);
        return view.Status switch
        {
            ResultStatus.Succeeded => await render(view.Value!),
            ResultStatus.NotFound => NotFound(),
            _ => Forbid(),
        };
    }
}
