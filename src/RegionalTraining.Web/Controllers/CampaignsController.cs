using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Profiles;

namespace RegionalTraining.Web.Controllers;

/// <summary>Collection campaigns of the user's directorate: open one, follow completeness, send reminders.</summary>
[Authorize(Policy = Policies.DirectorateWork)]
public sealed class CampaignsController(
    ICampaignService campaigns,
    IReferenceDataService reference,
    IAccessScopeProvider scopes,
    AppDbContext db,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await IndexModelAsync(new CampaignForm(), cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var directorateId = scope.DirectorateInFocus(form.DirectorateId);
        if (directorateId is null)
        {
            ModelState.AddModelError(nameof(form.DirectorateId), t["Choose a directorate from the list."]);
        }

        if (ModelState.IsValid)
        {
            var result = await campaigns.CreateAsync(scope, directorateId!.Value, form.TrainingYearId!.Value, form.OpensOn!.Value, form.Deadline!.Value, cancellationToken);
            if (result.Status == SaveStatus.Saved)
            {
                TempData["Status"] = "The campaign was opened.";
                return RedirectToAction(nameof(Details), new { id = result.Id });
            }

            foreach (var (field, message) in result.Errors ?? new Dictionary<string, string>())
            {
                ModelState.AddModelError(field, t[message]);
            }
        }

        return View(nameof(Index), await IndexModelAsync(form, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (!(await scopes.GetAsync(cancellationToken)).CanReadDirectorate(campaign.DirectorateId))
        {
            return Forbid();
        }

        var completeness = (await campaigns.CompletenessAsync(id, cancellationToken))!;
        var provinces = completeness.Establishments.GroupBy(e => e.ProvinceId)
            .ToDictionary(g => g.Key, g => (g.First().ProvinceNameFr, g.First().ProvinceNameAr));
        return View(new CampaignDetailsViewModel(completeness, provinces));
    }

    [HttpPost]
    public async Task<IActionResult> Remind(int id, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        var scope = await scopes.GetAsync(cancellationToken);
        if (!scope.CanReadDirectorate(campaign.DirectorateId))
        {
            return Forbid();
        }

        var count = await campaigns.RemindAsync(scope, id, cancellationToken);
        TempData["Status"] = count == 0 ? "Every establishment has submitted: no reminder to send." : "Reminders were sent to the establishments that have not submitted.";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<CampaignIndexViewModel> IndexModelAsync(CampaignForm form, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var list = await campaigns.ListAsync(scope.ListedDirectorateId, cancellationToken);
        var years = await db.TrainingYears.AsNoTracking().OrderByDescending(y => y.StartYear).ToListAsync(cancellationToken);
        var directorates = scope.ChoosesDirectorate ? await reference.DirectoratesAsync(cancellationToken) : [];
        return new CampaignIndexViewModel(list, form, years, directorates, scope.ChoosesDirectorate);
    }
}
