using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Profiles;

public sealed record CampaignListItem(int Id, int TrainingYearId, string TrainingYear, int StartYear, DateOnly OpensOn, DateOnly Deadline, int DirectorateId);

/// <summary>Where one establishment stands in a campaign. <see cref="Status"/> is null when no profile was started.</summary>
public sealed record CampaignEstablishmentRow(
    int EstablishmentId, string NameFr, string NameAr, EstablishmentType Type, int ProvinceId, string ProvinceNameFr, string ProvinceNameAr,
    int? ProfileId, ProfileStatus? Status, DateTime? SubmittedAtUtc, bool IsLate);

/// <summary>Counts for one group (a province, a type, or the whole campaign).</summary>
public sealed record CompletenessCounts(string Key, int Expected, int NotStarted, int Draft, int Submitted, int Returned, int Approved, int Late)
{
    public int Missing => NotStarted + Draft + Returned;

    public static CompletenessCounts Of(string key, IReadOnlyCollection<CampaignEstablishmentRow> rows) => new(
        key,
        rows.Count,
        rows.Count(r => r.Status is null),
        rows.Count(r => r.Status == ProfileStatus.Draft),
        rows.Count(r => r.Status == ProfileStatus.Submitted),
        rows.Count(r => r.Status == ProfileStatus.Returned),
        rows.Count(r => r.Status == ProfileStatus.Approved),
        rows.Count(r => r.IsLate));
}

public sealed record CampaignCompleteness(
    CampaignListItem Campaign, IReadOnlyList<CampaignEstablishmentRow> Establishments, CompletenessCounts Total,
    IReadOnlyList<CompletenessCounts> ByProvince, IReadOnlyList<CompletenessCounts> ByType);

/// <summary>
/// Collection campaigns: opening one for a training year, and seeing who has sent what. Completeness is computed
/// from the profiles' states, never from anyone ticking "complete"; a profile is late when it was submitted after
/// the deadline, or is still not submitted once the deadline has passed.
/// </summary>
public interface ICampaignService
{
    Task<IReadOnlyList<CampaignListItem>> ListAsync(int? directorateId, CancellationToken cancellationToken = default);

    Task<CampaignListItem?> GetAsync(int campaignId, CancellationToken cancellationToken = default);

    /// <summary>The campaign of a directorate for the training year starting in <paramref name="startYear"/>, if one was opened.</summary>
    Task<int?> FindAsync(int directorateId, int startYear, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a campaign in the directorate in the caller's focus (<paramref name="chosenDirectorateId"/> counts for
    /// administrators only); succeeds with the new campaign's id.
    /// </summary>
    Task<Result<int>> CreateAsync(AccessScope scope, int? chosenDirectorateId, int trainingYearId, DateOnly opensOn, DateOnly deadline, CancellationToken cancellationToken = default);

    Task<CampaignCompleteness?> CompletenessAsync(int campaignId, CancellationToken cancellationToken = default);

    /// <summary>The completeness of a campaign the caller may read: not found, or forbidden outside his directorate.</summary>
    Task<Result<CampaignCompleteness>> CompletenessAsync(AccessScope scope, int campaignId, CancellationToken cancellationToken = default);

    /// <summary>Reminds the directors of every establishment that has not submitted; succeeds with how many establishments.</summary>
    Task<Result<int>> RemindAsync(AccessScope scope, int campaignId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class CampaignService(
    AppDbContext db,
    LocalCalendar calendar,
    INotificationService notifications,
    ILogger<CampaignService> logger) : ICampaignService
{
    public async Task<IReadOnlyList<CampaignListItem>> ListAsync(int? directorateId, CancellationToken cancellationToken = default) =>
        await db.Campaigns.AsNoTracking()
            .Where(c => directorateId == null || c.DirectorateId == directorateId)
            .OrderByDescending(c => c.TrainingYear!.StartYear)
            .Select(c => new CampaignListItem(c.Id, c.TrainingYearId, c.TrainingYear!.Code, c.TrainingYear.StartYear, c.OpensOn, c.Deadline, c.DirectorateId))
            .ToListAsync(cancellationToken);

    public Task<CampaignListItem?> GetAsync(int campaignId, CancellationToken cancellationToken = default) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => (CampaignListItem?)new CampaignListItem(c.Id, c.TrainingYearId, c.TrainingYear!.Code, c.TrainingYear.StartYear, c.OpensOn, c.Deadline, c.DirectorateId))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<int?> FindAsync(int directorateId, int startYear, CancellationToken cancellationToken = default) =>
        db.Campaigns.AsNoTracking().Where(c => c.DirectorateId == directorateId && c.TrainingYear!.StartYear == startYear)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<Result<int>> CreateAsync(AccessScope scope, int? chosenDirectorateId, int trainingYearId, DateOnly opensOn, DateOnly deadline, CancellationToken cancellationToken = default)
    {
        if (scope.DirectorateInFocus(chosenDirectorateId) is not { } directorateId || !await db.Directorates.AnyAsync(d => d.Id == directorateId, cancellationToken))
        {
            return Result.Invalid("DirectorateId", Messages.ChooseDirectorate).With<int>();
        }

        if (!scope.CanReadDirectorate(directorateId))
        {
            return Result.Forbidden().With<int>();
        }

        var yearExists = await db.TrainingYears.AnyAsync(y => y.Id == trainingYearId, cancellationToken);
        var errors = FieldChecks.Broken(
            (deadline < opensOn, "Deadline", Messages.CampaignDeadlineBeforeOpening),
            (!yearExists, "TrainingYearId", Messages.ChooseTrainingYear),
            (yearExists && await ExistsAsync(directorateId, trainingYearId, cancellationToken), "TrainingYearId", Messages.CampaignAlreadyExists));
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).With<int>();
        }

        var campaign = new CollectionCampaign { DirectorateId = directorateId, TrainingYearId = trainingYearId, OpensOn = opensOn, Deadline = deadline };
        db.Campaigns.Add(campaign);
        if (!await db.TrySaveAsync<CollectionCampaign>(ct => ExistsAsync(directorateId, trainingYearId, ct), cancellationToken))
        {
            // Opened at the same moment by someone else: the key (directorate, year) let theirs in. The same refusal as
            // when the check above finds it, and this form's dates are not applied to theirs.
            logger.LogWarning("Campaign of directorate {DirectorateId}, year {TrainingYearId} was opened meanwhile by someone else", directorateId, trainingYearId);
            return Result.Invalid("TrainingYearId", Messages.CampaignAlreadyExists).With<int>();
        }

        logger.LogInformation("Campaign {CampaignId} opened for directorate {DirectorateId}, year {TrainingYearId}, deadline {Deadline}", campaign.Id, directorateId, trainingYearId, deadline);
        return Result.Success(campaign.Id);
    }

    private Task<bool> ExistsAsync(int directorateId, int trainingYearId, CancellationToken cancellationToken) =>
        db.Campaigns.AnyAsync(c => c.DirectorateId == directorateId && c.TrainingYearId == trainingYearId, cancellationToken);

    public async Task<CampaignCompleteness?> CompletenessAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await GetAsync(campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var today = calendar.Today;
        var pastDeadline = today > campaign.Deadline;
        // One query: every active establishment of the directorate with its profile for the year, if any.
        var rows = await db.Establishments.AsNoTracking()
            .Where(e => e.IsActive && e.Province!.Region!.DirectorateId == campaign.DirectorateId)
            .Select(e => new
            {
                e.Id, e.NameFr, e.NameAr, e.Type, e.ProvinceId, ProvinceFr = e.Province!.NameFr, ProvinceAr = e.Province.NameAr,
                Profile = db.Profiles.Where(p => p.EstablishmentId == e.Id && p.TrainingYearId == campaign.TrainingYearId)
                    .Select(p => new { p.Id, p.Status, p.SubmittedAtUtc, p.SubmittedLate }).FirstOrDefault(),
            })
            .OrderBy(e => e.ProvinceFr).ThenBy(e => e.NameFr)
            .ToListAsync(cancellationToken);
        var establishments = rows.Select(r =>
        {
            var status = r.Profile?.Status;
            var notYetSent = status is null or ProfileStatus.Draft or ProfileStatus.Returned;
            var late = (r.Profile?.SubmittedLate ?? false) || (pastDeadline && notYetSent && r.Profile?.SubmittedAtUtc is null);
            return new CampaignEstablishmentRow(r.Id, r.NameFr, r.NameAr, r.Type, r.ProvinceId, r.ProvinceFr, r.ProvinceAr,
                r.Profile?.Id, status, r.Profile?.SubmittedAtUtc, late);
        }).ToList();

        return new CampaignCompleteness(
            campaign,
            establishments,
            CompletenessCounts.Of("total", establishments),
            establishments.GroupBy(e => e.ProvinceId).Select(g => CompletenessCounts.Of(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.ToList())).ToList(),
            establishments.GroupBy(e => e.Type).OrderBy(g => g.Key).Select(g => CompletenessCounts.Of(g.Key.ToString(), g.ToList())).ToList());
    }

    public async Task<Result<CampaignCompleteness>> CompletenessAsync(AccessScope scope, int campaignId, CancellationToken cancellationToken = default)
    {
        var completeness = await CompletenessAsync(campaignId, cancellationToken);
        return completeness is null ? Result.NotFound().With<CampaignCompleteness>()
            : !scope.CanReadDirectorate(completeness.Campaign.DirectorateId) ? Result.Forbidden().With<CampaignCompleteness>()
            : Result.Success(completeness);
    }

    public async Task<Result<int>> RemindAsync(AccessScope scope, int campaignId, CancellationToken cancellationToken = default)
    {
        var readable = await CompletenessAsync(scope, campaignId, cancellationToken);
        if (readable.Value is not { } completeness)
        {
            return readable.With<int>();
        }

        var waiting = completeness.Establishments.Where(e => e.Status is null or ProfileStatus.Draft or ProfileStatus.Returned).ToList();
        var ids = waiting.Select(e => e.EstablishmentId).ToList();
        var directors = await db.UserEstablishments.AsNoTracking()
            .Where(l => ids.Contains(l.EstablishmentId) && !l.User!.IsDisabled)
            .Select(l => new { l.EstablishmentId, l.UserId })
            .ToListAsync(cancellationToken);
        var year = TrainingYear.FormatLabel(completeness.Campaign.StartYear);
        var deadline = completeness.Campaign.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var establishment in waiting)
        {
            var users = directors.Where(d => d.EstablishmentId == establishment.EstablishmentId).Select(d => d.UserId).ToList();
            await notifications.NotifyAsync(users, Messages.CampaignReminder, [establishment.NameFr + " / " + establishment.NameAr, year, deadline], "/Profiles", cancellationToken);
        }

        logger.LogInformation("Campaign {CampaignId}: reminders sent for {EstablishmentCount} establishments", campaignId, waiting.Count);
        return Result.Success(waiting.Count);
    }
}
