using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Profiles.SheetImport;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.Infrastructure.SheetFiles;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Profiles;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The yearly sheet as a workbook: the template to fill offline, and its import with a dry run before anything
/// is saved (docs/decisions/0014-sheet-import.md). The import service checks who may read or import.
/// </summary>
[Route("Profiles/{id:int}/Sheet")]
public sealed class ProfileSheetsController(ISheetImportService sheets, IAccessScopeProvider scopes, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("Template")]
    public async Task<IActionResult> Template(int id, CancellationToken cancellationToken)
    {
        var template = await sheets.TemplateAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return this.RespondWithPage(template, value => File(
            SheetWorkbook.Write(value, new SheetText(t), Cultures.IsRightToLeft(System.Globalization.CultureInfo.CurrentUICulture)),
            SheetWorkbook.ContentType, SheetWorkbook.FileName(value)));
    }

    [HttpGet("Import")]
    public Task<IActionResult> Import(int id, CancellationToken cancellationToken) => PageAsync(id, null, cancellationToken);

    [HttpPost("Import")]
    [RequestSizeLimit(SheetReader.MaximumBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = SheetReader.MaximumBytes + 1024 * 1024)]
    public async Task<IActionResult> Import(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        var reading = SheetReader.Read(file, new SheetText(t));
        var result = await sheets.DryRunAsync(await scopes.GetAsync(cancellationToken), id, reading.Content, cancellationToken);
        return await this.RespondAsync(result, null,
            () => View(nameof(Import), new SheetImportPage(result.Value!.Summary, true, new SheetDryRunPage(result.Value, reading.Cells))),
            () => PageAsync(id, null, cancellationToken));
    }

    [HttpPost("Confirm")]
    public async Task<IActionResult> Confirm(int id, Guid importId, CancellationToken cancellationToken)
    {
        var result = await sheets.ConfirmAsync(await scopes.GetAsync(cancellationToken), id, importId, cancellationToken);
        return this.RespondWithRedirect(result, Messages.SheetImported, () => result.Succeeded
            ? RedirectToAction("Review", "Profiles", new { id })
            : RedirectToAction(nameof(Import), new { id }));
    }

    private async Task<IActionResult> PageAsync(int id, SheetDryRunPage? dryRun, CancellationToken cancellationToken)
    {
        var template = await sheets.TemplateAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return this.RespondWithPage(template, value => View(nameof(Import), new SheetImportPage(value.Profile.Summary, value.Profile.Can.Edit, dryRun)));
    }
}
