using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Profiles;

namespace RegionalTraining.Web.Controllers;

public sealed partial class ProfilesController
{
    [HttpGet("{id:int}/Review")]
    public Task<IActionResult> Review(int id, CancellationToken cancellationToken) =>
        PageAsync(id, forSubmission: true, view => Task.FromResult<IActionResult>(View("Review", ReviewViewModel.From(view, null, null))), cancellationToken);

    [HttpPost("{id:int}/Submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        var result = await profiles.SubmitAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return await AfterTransitionAsync(id, result, Messages.ProfileSubmitted, null, null, cancellationToken);
    }

    [HttpPost("{id:int}/Return")]
    public async Task<IActionResult> Return(
        int id,
        [EachStringLength(FieldLengths.Text), StoredIn(typeof(ProfileSectionState), nameof(ProfileSectionState.ReviewComment))] Dictionary<ProfileSection, string>? comments,
        CancellationToken cancellationToken)
    {
        comments ??= [];
        var result = await profiles.ReturnAsync(await scopes.GetAsync(cancellationToken), id, comments, cancellationToken);
        return await AfterTransitionAsync(id, result, Messages.ProfileReturned, comments, null, cancellationToken);
    }

    [HttpPost("{id:int}/Approve")]
    public async Task<IActionResult> Approve(int id, CancellationToken cancellationToken)
    {
        var result = await profiles.ApproveAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return await AfterTransitionAsync(id, result, Messages.ProfileApproved, null, null, cancellationToken);
    }

    [HttpPost("{id:int}/Reopen")]
    public async Task<IActionResult> Reopen(
        int id,
        [StringLength(FieldLengths.Text), StoredIn(typeof(ProfileEvent), nameof(ProfileEvent.Comment))] string? reason,
        CancellationToken cancellationToken)
    {
        var result = await profiles.ReopenAsync(await scopes.GetAsync(cancellationToken), id, reason ?? string.Empty, cancellationToken);
        return await AfterTransitionAsync(id, result, Messages.ProfileReopened, null, reason, cancellationToken);
    }

    [HttpGet("{id:int}/History")]
    public Task<IActionResult> History(int id, CancellationToken cancellationToken) =>
        PageAsync(id, forSubmission: false, async view =>
            View(new HistoryViewModel(ProfileHeader.From(view, null, "History"), await profiles.HistoryAsync(id, cancellationToken))), cancellationToken);

    [HttpGet("{id:int}/Print")]
    public Task<IActionResult> Print(int id, CancellationToken cancellationToken) =>
        PageAsync(id, forSubmission: false, view =>
            Task.FromResult<IActionResult>(View(new PrintViewModel(ProfileHeader.From(view, null, "Print"), view, calendar.UtcNow))), cancellationToken);

    /// <summary>Done → the review page with the message; refused → the review page again with the reason and what was typed.</summary>
    private Task<IActionResult> AfterTransitionAsync(
        int id, Result result, string doneMessage, Dictionary<ProfileSection, string>? comments, string? reason, CancellationToken cancellationToken) =>
        this.RespondAsync(result, doneMessage, () => RedirectToAction(nameof(Review), new { id }),
            () => PageAsync(id, forSubmission: true, view => Task.FromResult<IActionResult>(View("Review", ReviewViewModel.From(view, comments, reason))), cancellationToken));
}
