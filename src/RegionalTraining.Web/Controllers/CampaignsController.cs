using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Profiles;

namespace RegionalTraining.Web.Controllers;

/// <summary>Collection campaigns of the user's directorate: open one, follow completeness, send reminders.</summary>
[Authorize(Policy = Policies.DirectorateWork)]
public sealed class CampaignsController(
    ICampaignService campaigns,
    IReferenceDataService reference,
    IAccessScopeProvider scopes) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await IndexModelAsync(new CampaignForm(), cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await IndexModelAsync(form, cancellationToken));
        }

        var result = await campaigns.CreateAsync(await scopes.GetAsync(cancellationToken), form.DirectorateId, form.TrainingYearId!.Value, form.OpensOn!.Value, form.Deadline!.Value, cancellationToken);
        return await this.RespondAsync(result, Messages.CampaignOpened, () => RedirectToAction(nameof(Details), new { id = result.Value }),
            async () => View(nameof(Index), await IndexModelAsync(form, cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var result = await campaigns.CompletenessAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return result.Status switch
        {
            ResultStatus.NotFound => NotFound(),
            ResultStatus.Forbidden => Forbid(),
            _ => View(CampaignDetailsViewModel.From(result.Value!)),
        };
    }

    [HttpPost]
    public async Task<IActionResult> Remind(int id, CancellationToken cancellationToken)
    {
        var result = await campaigns.RemindAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return this.RespondWithRedirect(result, result.Value == 0 ? Messages.NoReminderToSend : Messages.RemindersSent, () => RedirectToAction(nameof(Details), new { id }));
    }

    private async Task<CampaignIndexViewModel> IndexModelAsync(CampaignForm form, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var list = await campaigns.ListAsync(scope.ListedDirectorateId, cancellationToken);
        var years = await reference.TrainingYearsAsync(cancellationToken);
        var directorates = scope.ChoosesDirectorate ? await reference.DirectoratesAsync(cancellationToken) : [];
        return new CampaignIndexViewModel(list, form, years, directorates, scope.ChoosesDirectorate);
    }
}
