using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Export;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Register;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The register of needs and constraints: the directorate's list (filters in the address), an item's page with its
/// history, comments and decisions, each step of its follow-up, and bulk assignment. Every check is the service's,
/// against the <see cref="AccessScope"/>.
/// </summary>
public sealed class RegisterController(
    IFollowUpService followUp, IRegisterPageService pages, IRegisterOverviewService overview, IReferenceDataService reference, IAttachmentStore store,
    IAccessScopeProvider scopes, IStringLocalizer<SharedResource> t) : Controller
{
    private const int ExportRows = 10_000;

    [HttpGet]
    [Authorize(Policy = Policies.DirectorateWork)]
    public async Task<IActionResult> Index([FromQuery] RegisterQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var page = await pages.BuildAsync(scope, query.ToFilter(scope), cancellationToken);
        return page.Value is null ? NotFound() : View(RegisterIndexViewModel.From(page.Value, query, new BulkAssignForm()));
    }

    [HttpGet]
    [Authorize(Policy = Policies.DirectorateWork)]
    public async Task<IActionResult> Overview([FromQuery] RegisterOverviewQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var result = await overview.BuildAsync(scope, query.ToFilter(scope), cancellationToken);
        var directorates = scope.ChoosesDirectorate ? await reference.DirectoratesAsync(cancellationToken) : [];
        return result.Value is null ? NotFound() : View(new RegisterOverviewViewModel(result.Value, query, directorates));
    }

    [HttpGet]
    [Authorize(Policy = Policies.DirectorateWork)]
    [EnableRateLimiting(RateLimitPolicies.Exports)]
    public async Task<IActionResult> Export([FromQuery] RegisterQuery query, string format, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var result = await followUp.SearchAsync(scope, query.ToFilter(scope, ExportRows) with { Page = 1 }, cancellationToken);
        return result.Value is null || !TableFiles.IsFormat(format) ? NotFound()
            : this.TableFile(RegisterTable.Build(result.Value.Items, t, LayoutHelpers.IsRtl), "regionaltraining-register", format);
    }

    [HttpGet("Register/{type}/{id:int}")]
    public async Task<IActionResult> Item(ItemType type, int id, CancellationToken cancellationToken) =>
        await ItemPageAsync(new RegisterItemKey(type, id), new FollowUpForm(), cancellationToken);

    [HttpGet("Register/{type}/{id:int}/evidence/{entryId:int}")]
    public async Task<IActionResult> Evidence(ItemType type, int id, int entryId, CancellationToken cancellationToken) =>
        this.SandboxedFileOrNotFound(store, await followUp.EvidenceAsync(await scopes.GetAsync(cancellationToken), new RegisterItemKey(type, id), entryId, cancellationToken));

    [HttpPost("Register/{type}/{id:int}")]
    [RequestSizeLimit(AttachmentRules.MaximumBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaximumBytes + 1024 * 1024)]
    public async Task<IActionResult> Act(ItemType type, int id, FollowUpForm form, CancellationToken cancellationToken)
    {
        var key = new RegisterItemKey(type, id);
        var result = ModelState.IsValid
            ? await followUp.ActAsync(await scopes.GetAsync(cancellationToken), key, form.ToCommand(), cancellationToken)
            : Result.Invalid([]);
        return await this.RespondAsync(result, form.SuccessMessage,
            () => RedirectToAction(nameof(Item), new { type, id }), () => ItemPageAsync(key, form, cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.DirectorateWork)]
    public async Task<IActionResult> BulkAssign([FromQuery] RegisterQuery query, BulkAssignForm form, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var result = ModelState.IsValid ? await followUp.BulkAssignAsync(scope, form.ToInput(), cancellationToken) : Result.Invalid([]).With<int>();
        return await this.RespondAsync(result, result.Succeeded ? t.Plural(Messages.ItemsAssigned, result.Value).Value : null,
            () => RedirectToAction(nameof(Index), query.RouteValues()),
            async () => View(nameof(Index), RegisterIndexViewModel.From((await pages.BuildAsync(scope, query.ToFilter(scope), cancellationToken)).Value!, query, form)));
    }

    [HttpGet]
    [Authorize(Policy = Policies.DirectorateWork)]
    public async Task<IActionResult> Raise(int? establishment, CancellationToken cancellationToken) =>
        View(await WithEstablishmentsAsync(new RaiseForm { EstablishmentId = establishment ?? 0 }, cancellationToken));

    [HttpPost]
    [Authorize(Policy = Policies.DirectorateWork)]
    public async Task<IActionResult> Raise(RaiseForm form, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid
            ? await followUp.RaiseAsync(await scopes.GetAsync(cancellationToken), form.ToInput(), cancellationToken)
            : Result.Invalid([]).With<RegisterItemKey>();
        return await this.RespondAsync(result, Messages.ItemRaised, () => RedirectToAction(nameof(Item), new { type = result.Value.Type, id = result.Value.Id }),
            async () => View(await WithEstablishmentsAsync(form, cancellationToken)));
    }

    /// <summary>The item's page, or the answer that replaces it: 403 outside the perimeter, 404 when there is no such item.</summary>
    private async Task<IActionResult> ItemPageAsync(RegisterItemKey key, FollowUpForm form, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var result = await followUp.GetAsync(scope, key, cancellationToken);
        return result.Status switch
        {
            ResultStatus.Succeeded => View(nameof(Item), new RegisterItemViewModel(result.Value!, form, scope.Has(Capability.DirectorateWork))),
            ResultStatus.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    private async Task<RaiseForm> WithEstablishmentsAsync(RaiseForm form, CancellationToken cancellationToken)
    {
        form.Establishments = await pages.RaisableEstablishmentsAsync(await scopes.GetAsync(cancellationToken), cancellationToken);
        return form;
    }
}
