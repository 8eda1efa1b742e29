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
            View(TInput.Section.ToString(), SectionForms.AsStored(view, pick(view), await CatalogueAsync<TInput>(cancellationToken))), cancellationToken);

    private async Task<IActionResult> SaveAsync<TInput>(
        int id, TInput input, SectionPost post, Func<ProfileView, TInput> pick,
        Func<AccessScope, SectionEdit<TInput>, CancellationToken, Task<Result>> save, CancellationToken cancellationToken)
        where TInput : ISectionInput
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var may = await profiles.MayEditAsync(scope, id, cancellationToken);
        // Field errors of the binding are already in the model state; the service sees only valid input.
        var result = !may.Succeeded ? may
            : ModelState.IsValid ? await save(scope, new SectionEdit<TInput>(input, post.Version, post.WarningComment), cancellationToken) : Result.Invalid([]);
        return await this.RespondAsync(result, Messages.SectionSaved, () => RedirectToAction(TInput.Section.ToString(), new { id }),
            () => PageAsync(id, forSubmission: false, async view => View(TInput.Section.ToString(), SectionForms.Again(
                view, input, post, pick(view), result.Status == ResultStatus.Conflict, await CatalogueAsync<TInput>(cancellationToken))), cancellationToken),
            nameof(SectionPost.Version));
    }

    /// <summary>The programmes to choose from: the programmes section only.</summary>
    private async Task<IReadOnlyList<ProgrammeOption>> CatalogueAsync<TInput>(CancellationToken cancellationToken)
        where TInput : ISectionInput =>
        TInput.Section == ProfileSection.Programmes ? await reference.ProgrammeOptionsAsync(cancellationToken) : [];

    /// <summary>Reads the profile once for a page: 404 or 403 when it is missing or out of the reader's reach.</summary>
    private async Task<IActionResult> PageAsync(int id, bool forSubmission, Func<ProfileView, Task<IActionResult>> render, CancellationToken cancellationToken) =>
        await this.RespondWithPageAsync(await profiles.ViewAsync(await scopes.GetAsync(cancellationToken), id, forSubmission, cancellationToken), render);
}
