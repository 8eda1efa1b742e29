using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation.ReferenceImport;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.Infrastructure.SheetFiles;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Organisation;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// Establishments and the programme catalogue imported from a file, with a dry run before anything is saved
/// (docs/decisions/0020-reference-data-import.md). Reference data: administrators only, checked again by the service.
/// </summary>
[Authorize(Policy = Policies.ManageReferenceData)]
[Route("ReferenceData/{kind}/Import")]
public sealed class ReferenceImportsController(IReferenceImportService imports, IAccessScopeProvider scopes, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public IActionResult Index(ReferenceKind kind) => View(ReferenceImportPage.Empty(kind));

    [HttpGet("Template")]
    public async Task<IActionResult> Template(ReferenceKind kind, CancellationToken cancellationToken)
    {
        var current = await imports.CurrentAsync(await scopes.GetAsync(cancellationToken), kind, cancellationToken);
        if (!current.Succeeded)
        {
            return Forbid();
        }

        var workbook = ReferenceWorkbook.Write(kind, current.Value!, await imports.CodesAsync(cancellationToken), new SheetText(t), Cultures.IsRightToLeft(CultureInfo.CurrentUICulture));
        return File(workbook, SheetWorkbook.ContentType, ReferenceWorkbook.FileName(kind));
    }

    [HttpPost("")]
    [RequestSizeLimit(SheetReader.MaximumBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = SheetReader.MaximumBytes + 1024 * 1024)]
    public async Task<IActionResult> Index(ReferenceKind kind, IFormFile? file, CancellationToken cancellationToken)
    {
        var reading = ReferenceFileReader.Read(file, kind, new SheetText(t), await imports.CodesAsync(cancellationToken));
        var result = await imports.DryRunAsync(await scopes.GetAsync(cancellationToken), kind, reading.Rows, cancellationToken);
        return await this.RespondAsync(result, null,
            () => View(nameof(Index), new ReferenceImportPage(kind, result.Value, reading.Columns)),
            () => Task.FromResult<IActionResult>(View(nameof(Index), ReferenceImportPage.Empty(kind))));
    }

    [HttpPost("Confirm")]
    public async Task<IActionResult> Confirm(ReferenceKind kind, Guid importId, CancellationToken cancellationToken)
    {
        var result = await imports.ConfirmAsync(await scopes.GetAsync(cancellationToken), kind, importId, cancellationToken);
        return this.RespondWithRedirect(result, Messages.ReferenceImported, () => result.Succeeded
            ? RedirectToAction(nameof(Index), ReferenceImportPage.Empty(kind).ListController)
            : RedirectToAction(nameof(Index), new { kind }));
    }
}
