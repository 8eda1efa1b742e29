using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.Profiles;

/// <summary>
/// The yearly identity sheet: starting one (pre-filled from last year's approved sheet), reading one page of it,
/// saving each section under its own concurrency token, and the review workflow. Every save and transition is
/// recorded with who, when and what changed. Needs and constraints are saved through
/// <see cref="INeedsAndConstraintsService"/>, which uses <see cref="SaveSectionAsync"/>.
/// </summary>
public interface IProfileService
{
    Task<ProfileRef?> GetRefAsync(int profileId, CancellationToken cancellationToken = default);

    /// <summary>The director's sheets for each campaign of his directorate, and the directorate's review queue.</summary>
    Task<ProfileIndex> IndexAsync(AccessScope scope, CancellationToken cancellationToken = default);

    /// <summary>Opens the establishment's profile for the year, creating it if the campaign is open; the value is its id.</summary>
    Task<Result<int>> StartAsync(AccessScope scope, int establishmentId, int trainingYearId, CancellationToken cancellationToken = default);

    /// <summary>One page's read model, with the rules run once (the required-section checks when <paramref name="forSubmission"/>).</summary>
    Task<Result<ProfileView>> ViewAsync(AccessScope scope, int profileId, bool forSubmission, CancellationToken cancellationToken = default);

    /// <summary>Success when this person may edit this profile's sections now (whatever is typed).</summary>
    Task<Result> MayEditAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default);

    /// <summary>The rules on values not saved yet (a workbook's dry run), against last year's approved sheet; the caller has checked access.</summary>
    Task<IReadOnlyList<ValidationIssue>> CheckAsync(int profileId, ProfileInputs candidate, CancellationToken cancellationToken = default);

    Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<GeneralInput> edit, CancellationToken cancellationToken = default);

    Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<HumanResourcesInput> edit, CancellationToken cancellationToken = default);

    Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<MaterialResourcesInput> edit, CancellationToken cancellationToken = default);

    Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<ProgrammesInput> edit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves one section: refused when the profile is not editable by this person, or when the section changed
    /// since <paramref name="version"/> was read. <paramref name="apply"/> changes the tracked profile (and may
    /// change other rows); it returns extra changes to record beyond the section's own fields, or a refusal.
    /// </summary>
    Task<Result> SaveSectionAsync(
        AccessScope scope, int profileId, ProfileSection section, Guid version, string? warningComment,
        Func<EstablishmentProfile, Task<Result<IReadOnlyList<ProfileChange>>>> apply, CancellationToken cancellationToken = default);

    Task<Result> SubmitAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default);

    /// <summary>Returns the profile with a comment per section (at least one); the directors are notified.</summary>
    Task<Result> ReturnAsync(AccessScope scope, int profileId, IReadOnlyDictionary<ProfileSection, string> comments, CancellationToken cancellationToken = default);

    Task<Result> ApproveAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default);

    Task<Result> ReopenAsync(AccessScope scope, int profileId, string reason, CancellationToken cancellationToken = default);

    /// <summary>The profile's events, newest first (the caller has read the profile's view, which checks access).</summary>
    Task<IReadOnlyList<ProfileHistoryEntry>> HistoryAsync(int profileId, CancellationToken cancellationToken = default);

    /// <summary>The establishment's sheets, newest year first, for its page (the caller has checked access).</summary>
    Task<IReadOnlyList<ProfileYear>> ListForEstablishmentAsync(int establishmentId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class ProfileService(
    AppDbContext db,
    ICurrentUser currentUser,
    LocalCalendar calendar,
    ProfileRulesOptions rules,
    INotificationService notifications,
    ILogger<ProfileService> logger) : IProfileService
{
    private static readonly Result<IReadOnlyList<ProfileChange>> NoExtraChanges = Result.Success<IReadOnlyList<ProfileChange>>([]);

    public Task<ProfileRef?> GetRefAsync(int profileId, CancellationToken cancellationToken = default) =>
        db.Profiles.AsNoTracking().Where(p => p.Id == profileId)
            .Select(p => (ProfileRef?)new ProfileRef(p.Id, p.EstablishmentId, p.Establishment!.Province!.Region!.DirectorateId, p.Status))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<ProfileIndex> IndexAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var rows = new List<ProfileIndexRow>();
        if (scope.IsEstablishmentDirector && scope.EstablishmentIds.Count > 0)
        {
            var ids = scope.EstablishmentIds.ToList();
            var establishments = await db.Establishments.AsNoTracking().Where(e => ids.Contains(e.Id))
                .Select(e => new { e.Id, e.NameFr, e.NameAr, e.Province!.Region!.DirectorateId }).ToListAsync(cancellationToken);
            var directorates = establishments.Select(e => e.DirectorateId).Distinct().ToList();
            var campaigns = await db.Campaigns.AsNoTracking().Where(c => directorates.Contains(c.DirectorateId))
                .OrderByDescending(c => c.TrainingYear!.StartYear)
                .Select(c => new { c.DirectorateId, c.TrainingYearId, c.TrainingYear!.StartYear, c.OpensOn, c.Deadline }).ToListAsync(cancellationToken);
            var existing = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.EstablishmentId))
                .Select(p => new { p.Id, p.EstablishmentId, p.TrainingYearId, p.Status }).ToListAsync(cancellationToken);
            var today = calendar.Today;
            rows.AddRange(
                from c in campaigns
                from e in establishments.Where(e => e.DirectorateId == c.DirectorateId)
                let profile = existing.SingleOrDefault(p => p.EstablishmentId == e.Id && p.TrainingYearId == c.TrainingYearId)
                select new ProfileIndexRow(e.Id, e.NameFr, e.NameAr, c.TrainingYearId, TrainingYear.FormatLabel(c.StartYear),
                    c.OpensOn, c.Deadline, today >= c.OpensOn, profile?.Id, profile?.Status));
        }

        var queue = new List<ReviewQueueItem>();
        if (scope.Has(Capability.DirectorateWork))
        {
            var listed = scope.ListedDirectorateId;
            queue = await db.Profiles.AsNoTracking()
                .Where(p => p.Status == ProfileStatus.Submitted
                    && (listed == null || p.Establishment!.Province!.Region!.DirectorateId == listed))
                .OrderBy(p => p.SubmittedAtUtc)
                .Select(p => new ReviewQueueItem(p.Id, p.Establishment!.NameFr, p.Establishment.NameAr, p.TrainingYear!.Code, p.SubmittedAtUtc, p.SubmittedLate))
                .ToListAsync(cancellationToken);
        }

        return new ProfileIndex(rows, scope.IsEstablishmentDirector, scope.Has(Capability.DirectorateWork), queue);
    }

    public async Task<Result<int>> StartAsync(AccessScope scope, int establishmentId, int trainingYearId, CancellationToken cancellationToken = default)
    {
        var establishment = await db.Establishments.AsNoTracking().Where(e => e.Id == establishmentId)
            .Select(e => new { e.Id, e.Province!.Region!.DirectorateId, e.AddressFr, e.AddressAr, e.Phone, e.Email, e.OpeningYear })
            .SingleOrDefaultAsync(cancellationToken);
        if (establishment is null)
        {
            return Result.NotFound().With<int>();
        }

        if (!ProfileWorkflow.MayAct(scope, ProfileAction.Edit, new EstablishmentRef(establishment.Id, establishment.DirectorateId)))
        {
            return Result.Forbidden().With<int>();
        }

        if (await ExistingProfileAsync(establishmentId, trainingYearId, cancellationToken) is { } found)
        {
            return Result.Success(found);
        }

        var campaign = await db.Campaigns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.DirectorateId == establishment.DirectorateId && c.TrainingYearId == trainingYearId, cancellationToken);
        if (campaign is null || !campaign.IsOpenOn(calendar.Today))
        {
            return Result.Invalid(FieldError.Form, Messages.NoOpenCampaign).With<int>();
        }

        var year = await db.TrainingYears.AsNoTracking().SingleAsync(y => y.Id == trainingYearId, cancellationToken);
        var last = await LastApprovedAsync(establishmentId, year.StartYear, cancellationToken);
        var profile = last is null
            ? new EstablishmentProfile
            {
                AddressFr = establishment.AddressFr, AddressAr = establishment.AddressAr, Phone = establishment.Phone,
                Email = establishment.Email, OpeningYear = establishment.OpeningYear,
            }
            : CopyForNewYear(last);
        profile.EstablishmentId = establishmentId;
        profile.TrainingYearId = trainingYearId;
        profile.CampaignId = campaign.Id;
        profile.Status = ProfileStatus.Draft;
        profile.Sections = Enum.GetValues<ProfileSection>().Select(s => new ProfileSectionState { Section = s }).ToList();
        // One transaction: the sheet, its creation event and its links to open items are all made, or none is.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Profiles.Add(profile);
        int? theirs = null;
        if (!await db.TrySaveAsync<EstablishmentProfile>(async ct => (theirs = await ExistingProfileAsync(establishmentId, trainingYearId, ct)) is not null, cancellationToken))
        {
            // Started at the same moment by someone else (a double click, two directors): the key (establishment,
            // year) let theirs in, so this request opens it, exactly as if it had come second.
            logger.LogInformation("Profile {ProfileId} of establishment {EstablishmentId}, year {TrainingYearId} was started meanwhile: opened", theirs, establishmentId, trainingYearId);
            return Result.Success(theirs!.Value);
        }

        // The establishment's open needs and constraints appear on the new sheet to confirm, update or close; saved
        // with the creation event.
        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Created, null, last is null ? null : $"prefilled from {last.TrainingYear?.Label}"));
        await NeedsAndConstraintsService.LinkOpenItemsAsync(db, profile, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Profile {ProfileId} started for establishment {EstablishmentId}, year {TrainingYearId}", profile.Id, establishmentId, trainingYearId);
        return Result.Success(profile.Id);
    }

    public async Task<Result<ProfileView>> ViewAsync(AccessScope scope, int profileId, bool forSubmission, CancellationToken cancellationToken = default)
    {
        var profile = await WithRows(db.Profiles.AsNoTracking()).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        if (profile is null)
        {
            return Result.NotFound().With<ProfileView>();
        }

        var owner = OwnerOf(profile);
        if (!scope.Can(AccessOperation.Read, owner))
        {
            return Result.Forbidden().With<ProfileView>();
        }

        var inputs = ProfileInputs.From(profile);
        var last = await LastApprovedAsync(profile.EstablishmentId, profile.TrainingYear!.StartYear, cancellationToken);
        var needs = await db.Needs.AsNoTracking().Where(n => n.Sheets.Any(s => s.Id == profileId)).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking().Where(c => c.Sheets.Any(s => s.Id == profileId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        bool Can(ProfileAction action) => ProfileWorkflow.Can(scope, action, profile.Status, owner);
        return Result.Success(new ProfileView(
            new ProfileSummary(profile.Id, profile.EstablishmentId, profile.Establishment!.NameFr, profile.Establishment.NameAr,
                profile.TrainingYear.Label, profile.Status, profile.SubmittedLate, profile.Campaign?.Deadline),
            inputs,
            NeedsInput.From(needs),
            ConstraintsInput.From(constraints),
            profile.Sections.ToDictionary(s => s.Section, s => new SectionState(s.Version, s.WarningComment, s.ReviewComment)),
            ProfileRules.Check(inputs, last is null ? null : ProfileInputs.From(last), rules, forSubmission),
            new ProfilePermissions(Can(ProfileAction.Edit), Can(ProfileAction.Submit), Can(ProfileAction.Return), Can(ProfileAction.Approve), Can(ProfileAction.Reopen)),
            profile.Programmes.Where(r => r.Programme is not null).DistinctBy(r => r.ProgrammeId)
                .ToDictionary(r => r.ProgrammeId, r => new ProgrammeName(r.Programme!.Code, r.Programme.NameFr, r.Programme.NameAr))));
    }

    public async Task<Result> MayEditAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default)
    {
        var owner = await GetRefAsync(profileId, cancellationToken);
        return owner is null ? Result.NotFound()
            : ProfileWorkflow.MayAct(scope, ProfileAction.Edit, owner.Establishment) ? Result.Success()
            : Result.Forbidden();
    }

    public async Task<IReadOnlyList<ValidationIssue>> CheckAsync(int profileId, ProfileInputs candidate, CancellationToken cancellationToken = default)
    {
        var year = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId)
            .Select(p => new { p.EstablishmentId, p.TrainingYear!.StartYear }).SingleAsync(cancellationToken);
        var last = await LastApprovedAsync(year.EstablishmentId, year.StartYear, cancellationToken);
        return ProfileRules.Check(candidate, last is null ? null : ProfileInputs.From(last), rules, forSubmission: false);
    }

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<GeneralInput> edit, CancellationToken cancellationToken = default) =>
        SaveFieldsAsync(scope, profileId, edit, edit.Input.ApplyTo, cancellationToken);

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<HumanResourcesInput> edit, CancellationToken cancellationToken = default) =>
        SaveFieldsAsync(scope, profileId, edit, edit.Input.ApplyTo, cancellationToken);

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<MaterialResourcesInput> edit, CancellationToken cancellationToken = default) =>
        SaveFieldsAsync(scope, profileId, edit, edit.Input.ApplyTo, cancellationToken);

    public Task<Result> SaveAsync(AccessScope scope, int profileId, SectionEdit<ProgrammesInput> edit, CancellationToken cancellationToken = default) =>
        SaveSectionAsync(scope, profileId, ProgrammesInput.Section, edit.Version, edit.WarningComment, async p =>
        {
            var chosen = edit.Input.Kept.Select(r => r.ProgrammeId!.Value).Distinct().ToList();
            var catalogue = await db.Programmes.Where(x => chosen.Contains(x.Id) && x.IsActive).ToDictionaryAsync(x => x.Id, cancellationToken);
            var unknown = edit.Input.Programmes.Select((row, i) => (row, i))
                .Where(x => x.row.ProgrammeId is { } id && !x.row.Remove && !catalogue.ContainsKey(id))
                .Select(x => new FieldError($"Programmes[{x.i}].{nameof(ProgrammeRowInput.ProgrammeId)}", Messages.ChooseProgramme)).ToList();
            if (unknown.Count > 0)
            {
                return Result.Invalid(unknown).With<IReadOnlyList<ProfileChange>>();
            }

            edit.Input.ApplyTo(p, catalogue);
            return NoExtraChanges;
        }, cancellationToken);

    /// <summary>A section stored in the profile's own columns: written as its input says, nothing else to record.</summary>
    private Task<Result> SaveFieldsAsync<TInput>(AccessScope scope, int profileId, SectionEdit<TInput> edit, Action<EstablishmentProfile> apply, CancellationToken cancellationToken)
        where TInput : ISectionInput =>
        SaveSectionAsync(scope, profileId, TInput.Section, edit.Version, edit.WarningComment, p =>
        {
            apply(p);
            return Task.FromResult(NoExtraChanges);
        }, cancellationToken);

    public async Task<Result> SaveSectionAsync(
        AccessScope scope, int profileId, ProfileSection section, Guid version, string? warningComment,
        Func<EstablishmentProfile, Task<Result<IReadOnlyList<ProfileChange>>>> apply, CancellationToken cancellationToken = default)
    {
        var profile = await WithRows(db.Profiles).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        if (profile is null)
        {
            return Result.NotFound();
        }

        var owner = OwnerOf(profile);
        if (!ProfileWorkflow.MayAct(scope, ProfileAction.Edit, owner))
        {
            return Result.Forbidden();
        }

        if (!ProfileWorkflow.IsEditable(profile.Status))
        {
            return Result.Invalid(FieldError.Form, Messages.SectionLocked);
        }

        var state = profile.Sections.SingleOrDefault(s => s.Section == section);
        if (state is null)
        {
            state = new ProfileSectionState { ProfileId = profileId, Section = section, Version = version };
            profile.Sections.Add(state);
        }

        if (state.Version != version)
        {
            return Result.Conflict(Messages.SectionConflict);
        }

        var before = ProfileSnapshot.Of(profile, section);
        var applied = await apply(profile);
        if (!applied.Succeeded)
        {
            return applied;
        }

        var changes = ProfileSnapshot.Diff(before, ProfileSnapshot.Of(profile, section)).Concat(applied.Value!).ToList();
        var comment = string.IsNullOrWhiteSpace(warningComment) ? null : warningComment.Trim();
        if (comment != state.WarningComment)
        {
            changes.Add(new ProfileChange { Field = ProfileHistoryFields.CommentKey, OldValue = state.WarningComment, NewValue = comment });
            state.WarningComment = comment;
        }

        // The section's token is the only one checked: the profile row holds several sections' fields and carries
        // no token (see AppDbContext), so saving one section never refuses a save of another. The database checks
        // this token too, so two saves of the same section racing past the comparison above cannot both win.
        db.Entry(state).Property(s => s.Version).OriginalValue = version;
        state.Version = Guid.NewGuid();
        state.SavedAtUtc = calendar.UtcNow;
        state.SavedBy = currentUser.UserId;
        if (changes.Count > 0)
        {
            var entry = NewEvent(profile, ProfileEventKind.SectionSaved, section, null);
            entry.Changes = changes;
            db.ProfileEvents.Add(entry);
        }

        if (!await TrySaveAsync(cancellationToken))
        {
            logger.LogWarning("Profile {ProfileId} section {Section} save refused: saved by someone else meanwhile", profileId, section);
            return Result.Conflict(Messages.SectionConflict);
        }

        logger.LogInformation("Profile {ProfileId} section {Section} saved with {ChangeCount} changes", profileId, section, changes.Count);
        return Result.Success();
    }

    public async Task<Result> SubmitAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default)
    {
        var profile = await WithRows(db.Profiles).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        if (profile is null)
        {
            return Result.NotFound();
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Submit, profile.Status, OwnerOf(profile)))
        {
            return Result.Forbidden();
        }

        var last = await LastApprovedAsync(profile.EstablishmentId, profile.TrainingYear!.StartYear, cancellationToken);
        var issues = ProfileRules.Check(ProfileInputs.From(profile), last is null ? null : ProfileInputs.From(last), rules, forSubmission: true);
        if (issues.Any(i => i.Level == IssueLevel.Error))
        {
            return Result.Invalid(FieldError.Form, Messages.FixErrorsFirst);
        }

        if (issues.Any(i => i.Level == IssueLevel.Warning
            && string.IsNullOrWhiteSpace(profile.Sections.SingleOrDefault(s => s.Section == i.Section)?.WarningComment)))
        {
            return Result.Invalid(FieldError.Form, Messages.ExplainWarnings);
        }

        var deadline = profile.Campaign?.Deadline;
        profile.Status = ProfileStatus.Submitted;
        profile.SubmittedAtUtc = calendar.UtcNow;
        profile.SubmittedLate |= deadline is { } d && calendar.Today > d;
        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Submitted, null, profile.SubmittedLate ? "late" : null));
        if (!await TransitionAsync(profile, cancellationToken))
        {
            return Result.Conflict(Messages.ProfileChangedMeanwhile);
        }

        logger.LogInformation("Profile {ProfileId} submitted (late: {Late})", profileId, profile.SubmittedLate);
        await NotifyDirectorateAsync(profile, [Roles.RegionalDirector], Messages.SubmittedNotice, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> ReturnAsync(AccessScope scope, int profileId, IReadOnlyDictionary<ProfileSection, string> comments, CancellationToken cancellationToken = default)
    {
        var profile = await TrackedAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return Result.NotFound();
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Return, profile.Status, OwnerOf(profile)))
        {
            return Result.Forbidden();
        }

        var given = comments.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim());
        if (given.Count == 0)
        {
            return Result.Invalid(FieldError.Form, Messages.CommentRequired);
        }

        foreach (var state in profile.Sections)
        {
            state.ReviewComment = given.GetValueOrDefault(state.Section);
        }

        profile.Status = ProfileStatus.Returned;
        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Returned, null, ProfileHistoryFields.ReturnComment(given)));
        if (!await TransitionAsync(profile, cancellationToken))
        {
            return Result.Conflict(Messages.ProfileChangedMeanwhile);
        }

        logger.LogInformation("Profile {ProfileId} returned with comments on {SectionCount} sections", profileId, given.Count);
        await NotifyDirectorsAsync(profile, Messages.ReturnedNotice, [], cancellationToken);
        await NotifyDirectorateAsync(profile, [Roles.DirectorateStaff], Messages.ReturnedNotice, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> ApproveAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default)
    {
        var profile = await TrackedAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return Result.NotFound();
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Approve, profile.Status, OwnerOf(profile)))
        {
            return Result.Forbidden();
        }

        profile.Status = ProfileStatus.Approved;
        profile.ApprovedAtUtc = calendar.UtcNow;
        profile.ApprovedBy = currentUser.UserId;
        foreach (var state in profile.Sections)
        {
            state.ReviewComment = null;
        }

        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Approved, null, null));
        if (!await TransitionAsync(profile, cancellationToken))
        {
            return Result.Conflict(Messages.ProfileChangedMeanwhile);
        }

        logger.LogInformation("Profile {ProfileId} approved", profileId);
        await NotifyDirectorsAsync(profile, Messages.ApprovedNotice, [], cancellationToken);
        return Result.Success();
    }

    public async Task<Result> ReopenAsync(AccessScope scope, int profileId, string reason, CancellationToken cancellationToken = default)
    {
        var profile = await TrackedAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return Result.NotFound();
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Reopen, profile.Status, OwnerOf(profile)))
        {
            return Result.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid("reason", Messages.ReasonRequired);
        }

        profile.Status = ProfileStatus.Returned;
        profile.ApprovedAtUtc = null;
        profile.ApprovedBy = null;
        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Reopened, null, reason.Trim()));
        if (!await TransitionAsync(profile, cancellationToken))
        {
            return Result.Conflict(Messages.ProfileChangedMeanwhile);
        }

        logger.LogInformation("Profile {ProfileId} reopened", profileId);
        await NotifyDirectorsAsync(profile, Messages.ReopenedNotice, [reason.Trim()], cancellationToken);
        return Result.Success();
    }

    public async Task<IReadOnlyList<ProfileHistoryEntry>> HistoryAsync(int profileId, CancellationToken cancellationToken = default) =>
        (await db.ProfileEvents.AsNoTracking().Include(e => e.Changes)
            .Where(e => e.ProfileId == profileId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken))
        .Select(e => new ProfileHistoryEntry(e.Kind, e.Section, e.AtUtc, e.UserName, e.Comment,
            e.Changes.OrderBy(c => c.Field, StringComparer.Ordinal).Select(c => new ProfileChangeLine(c.Field, c.OldValue, c.NewValue)).ToList()))
        .ToList();

    public async Task<IReadOnlyList<ProfileYear>> ListForEstablishmentAsync(int establishmentId, CancellationToken cancellationToken = default) =>
        (await db.Profiles.AsNoTracking().Where(p => p.EstablishmentId == establishmentId)
            .OrderByDescending(p => p.TrainingYear!.StartYear)
            .Select(p => new { p.Id, p.TrainingYear!.StartYear, p.Status, p.SubmittedLate })
            .ToListAsync(cancellationToken))
        .Select(p => new ProfileYear(p.Id, TrainingYear.FormatLabel(p.StartYear), p.Status, p.SubmittedLate)).ToList();

    /// <summary>A new year's sheet starts from last year's approved one, section by section as each input says.</summary>
    internal static EstablishmentProfile CopyForNewYear(EstablishmentProfile last)
    {
        var inputs = ProfileInputs.From(last).ForNewYear();
        var profile = new EstablishmentProfile { PrefilledFromId = last.Id };
        inputs.General.ApplyTo(profile);
        inputs.HumanResources.ApplyTo(profile);
        inputs.MaterialResources.ApplyTo(profile);
        inputs.Programmes.ApplyTo(profile, new Dictionary<int, Programme>());
        return profile;
    }

    private static EstablishmentRef OwnerOf(EstablishmentProfile profile) =>
        new(profile.EstablishmentId, profile.Establishment!.Province!.Region!.DirectorateId);

    private Task<EstablishmentProfile?> LastApprovedAsync(int establishmentId, int beforeStartYear, CancellationToken cancellationToken) =>
        WithRows(db.Profiles.AsNoTracking())
            .Where(p => p.EstablishmentId == establishmentId && p.Status == ProfileStatus.Approved && p.TrainingYear!.StartYear < beforeStartYear)
            .OrderByDescending(p => p.TrainingYear!.StartYear)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Saves a change of status. Every section's token is renewed with it, so a section saved meanwhile (whose
    /// token the transition read) refuses the transition, and a section save still open on the old status is
    /// refused in turn.
    /// </summary>
    private async Task<bool> TransitionAsync(EstablishmentProfile profile, CancellationToken cancellationToken)
    {
        foreach (var state in profile.Sections)
        {
            state.Version = Guid.NewGuid();
        }

        return await TrySaveAsync(cancellationToken);
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A section without its token row yet (a sheet older than the tokens, or from the synthetic set): two first
            // saves both add the row, and its key (profile, section) lets only the first in. The second lost the race
            // exactly as with a token, so it is refused the same way, a conflict the page shows, not a 500: the failed
            // batch held the new token row, the only unique key such a save adds (a changed token row is not this).
            return await db.TrySaveAsync<ProfileSectionState>(UniqueKeyRace.AlwaysTaken, cancellationToken, addedOnly: true);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private Task<int?> ExistingProfileAsync(int establishmentId, int trainingYearId, CancellationToken cancellationToken) =>
        db.Profiles.Where(p => p.EstablishmentId == establishmentId && p.TrainingYearId == trainingYearId)
            .Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<EstablishmentProfile> WithRows(IQueryable<EstablishmentProfile> query) =>
        // Rows in creation order: rule findings and form rows refer to them by position.
        query.Include(p => p.Programmes.OrderBy(r => r.Id)).ThenInclude(r => r.Programme)
            .Include(p => p.Equipment.OrderBy(e => e.Id))
            .Include(p => p.Sections)
            .Include(p => p.Campaign)
            .Include(p => p.TrainingYear)
            .Include(p => p.Establishment!).ThenInclude(e => e.Province!).ThenInclude(p => p.Region);

    private Task<EstablishmentProfile?> TrackedAsync(int profileId, CancellationToken cancellationToken) =>
        db.Profiles.Include(p => p.Sections).Include(p => p.Campaign).Include(p => p.TrainingYear)
            .Include(p => p.Establishment!).ThenInclude(e => e.Province!).ThenInclude(p => p.Region)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);

    private ProfileEvent NewEvent(EstablishmentProfile profile, ProfileEventKind kind, ProfileSection? section, string? comment) => new()
    {
        ProfileId = profile.Id,
        Kind = kind,
        Section = section,
        Comment = comment,
        AtUtc = calendar.UtcNow,
        UserId = currentUser.UserId,
        UserName = currentUser.Name,
    };

    /// <summary>The directorate's side of a transition: who reviews (the regional director) or follows up (staff).</summary>
    private Task NotifyDirectorateAsync(EstablishmentProfile profile, IReadOnlyCollection<string> roles, string messageKey, CancellationToken cancellationToken) =>
        notifications.NotifyDirectorateAsync(profile.Establishment!.Province!.Region!.DirectorateId, roles, messageKey,
            [profile.Establishment.NameFr + " / " + profile.Establishment.NameAr, profile.TrainingYear!.Label], $"/Profiles/{profile.Id}/Review", cancellationToken);

    private async Task NotifyDirectorsAsync(EstablishmentProfile profile, string messageKey, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        var directors = await db.UserEstablishments.AsNoTracking()
            .Where(l => l.EstablishmentId == profile.EstablishmentId && !l.User!.IsDisabled)
            .Select(l => l.UserId).ToListAsync(cancellationToken);
        var name = profile.Establishment!.NameFr + " / " + profile.Establishment.NameAr;
        await notifications.NotifyAsync(directors, messageKey, [name, profile.TrainingYear!.Label, .. extra], $"/Profiles/{profile.Id}/Review", cancellationToken);
    }

}
