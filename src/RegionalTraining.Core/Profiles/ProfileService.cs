using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Core.Profiles;

/// <summary>Who a profile belongs to and where it stands, for authorization before anything else is read.</summary>
public sealed record ProfileRef(int ProfileId, int EstablishmentId, int DirectorateId, ProfileStatus Status)
{
    public EstablishmentRef Establishment => new(EstablishmentId, DirectorateId);
}

public enum SectionSaveStatus
{
    Saved,
    NotFound,
    Locked,
    Conflict,
}

/// <summary>Outcome of a section save; <see cref="Issues"/> are the rule findings of that section after saving.</summary>
public sealed record SectionSaveResult(SectionSaveStatus Status, Guid Version, IReadOnlyList<ValidationIssue> Issues);

public enum TransitionStatus
{
    Done,
    NotFound,
    NotAllowed,
    Invalid,
}

/// <summary>Outcome of submit, return, approve or reopen: the blocking issues when refused as invalid.</summary>
public sealed record TransitionResult(TransitionStatus Status, IReadOnlyList<ValidationIssue> Issues, string? ErrorKey = null)
{
    public static readonly TransitionResult Done = new(TransitionStatus.Done, []);
    public static readonly TransitionResult NotFound = new(TransitionStatus.NotFound, []);
    public static readonly TransitionResult NotAllowed = new(TransitionStatus.NotAllowed, []);

    public static TransitionResult Invalid(string errorKey, IReadOnlyList<ValidationIssue>? issues = null) =>
        new(TransitionStatus.Invalid, issues ?? [], errorKey);
}

public sealed record StartResult(int? ProfileId, string? ErrorKey);

/// <summary>
/// The yearly identity sheet: starting one (pre-filled from last year's approved sheet), saving each section
/// under its own concurrency token, checking the rules, and the review workflow. Every save and transition is
/// recorded with who, when and what changed. Needs and constraints are saved through
/// <see cref="INeedsAndConstraintsService"/>, which uses <see cref="SaveSectionAsync"/>.
/// </summary>
public interface IProfileService
{
    Task<ProfileRef?> GetRefAsync(int profileId, CancellationToken cancellationToken = default);

    /// <summary>The profile with its rows and section states, not tracked.</summary>
    Task<EstablishmentProfile?> LoadAsync(int profileId, CancellationToken cancellationToken = default);

    /// <summary>The establishment's most recent approved profile of an earlier training year.</summary>
    Task<EstablishmentProfile?> LastApprovedAsync(int establishmentId, int beforeStartYear, CancellationToken cancellationToken = default);

    /// <summary>Opens the establishment's profile for the year, creating it if the campaign is open.</summary>
    Task<StartResult> StartAsync(AccessScope scope, int establishmentId, int trainingYearId, CancellationToken cancellationToken = default);

    /// <summary>Rules for the whole profile as it is stored.</summary>
    Task<IReadOnlyList<ValidationIssue>> CheckAsync(int profileId, bool forSubmission, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves one section: refused when the profile is not editable by this person, or when the section changed
    /// since <paramref name="version"/> was read. <paramref name="apply"/> changes the tracked profile (and may
    /// change other rows); it returns extra changes to record beyond the section's own fields.
    /// </summary>
    Task<SectionSaveResult> SaveSectionAsync(
        AccessScope scope, int profileId, ProfileSection section, Guid version, string? warningComment,
        Func<EstablishmentProfile, Task<IReadOnlyList<ProfileChange>>> apply, CancellationToken cancellationToken = default);

    Task<TransitionResult> SubmitAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default);

    /// <summary>Returns the profile with a comment per section (at least one); the directors are notified.</summary>
    Task<TransitionResult> ReturnAsync(AccessScope scope, int profileId, IReadOnlyDictionary<ProfileSection, string> comments, CancellationToken cancellationToken = default);

    Task<TransitionResult> ApproveAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default);

    Task<TransitionResult> ReopenAsync(AccessScope scope, int profileId, string reason, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProfileEvent>> HistoryAsync(int profileId, CancellationToken cancellationToken = default);

    /// <summary>The establishment's sheets, newest year first, for its page (the caller has checked access).</summary>
    Task<IReadOnlyList<ProfileYear>> ListForEstablishmentAsync(int establishmentId, CancellationToken cancellationToken = default);
}

public sealed record ProfileYear(int ProfileId, string YearLabel, ProfileStatus Status, bool SubmittedLate);

/// <inheritdoc />
public sealed class ProfileService(
    AppDbContext db,
    ICurrentUser currentUser,
    LocalCalendar calendar,
    ProfileRulesOptions rules,
    INotificationService notifications,
    ILogger<ProfileService> logger) : IProfileService
{
    public const string NoOpenCampaign = "No collection campaign is open for this training year.";
    public const string FixErrorsFirst = "Correct the errors before submitting.";
    public const string ExplainWarnings = "Explain the warnings in the comment of each section concerned before submitting.";
    public const string CommentRequired = "Write a comment on at least one section.";
    public const string ReasonRequired = "Give the reason for reopening.";
    public const string ReturnedMessage = "The profile of {0} for {1} was returned for correction.";
    public const string ReopenedMessage = "The approved profile of {0} for {1} was reopened: {2}";
    public const string ApprovedMessage = "The profile of {0} for {1} was approved.";

    public Task<ProfileRef?> GetRefAsync(int profileId, CancellationToken cancellationToken = default) =>
        db.Profiles.AsNoTracking().Where(p => p.Id == profileId)
            .Select(p => (ProfileRef?)new ProfileRef(p.Id, p.EstablishmentId, p.Establishment!.Province!.Region!.DirectorateId, p.Status))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<EstablishmentProfile?> LoadAsync(int profileId, CancellationToken cancellationToken = default) =>
        WithRows(db.Profiles.AsNoTracking()).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);

    public Task<EstablishmentProfile?> LastApprovedAsync(int establishmentId, int beforeStartYear, CancellationToken cancellationToken = default) =>
        WithRows(db.Profiles.AsNoTracking())
            .Where(p => p.EstablishmentId == establishmentId && p.Status == ProfileStatus.Approved && p.TrainingYear!.StartYear < beforeStartYear)
            .OrderByDescending(p => p.TrainingYear!.StartYear)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<StartResult> StartAsync(AccessScope scope, int establishmentId, int trainingYearId, CancellationToken cancellationToken = default)
    {
        var establishment = await db.Establishments.AsNoTracking().Where(e => e.Id == establishmentId)
            .Select(e => new { e.Id, e.Province!.Region!.DirectorateId, e.AddressFr, e.AddressAr, e.Phone, e.Email, e.OpeningYear })
            .SingleOrDefaultAsync(cancellationToken);
        if (establishment is null || !ProfileWorkflow.MayAct(scope, ProfileAction.Edit, new EstablishmentRef(establishment.Id, establishment.DirectorateId)))
        {
            throw new UnauthorizedAccessException($"Establishment {establishmentId} is not directed by the caller.");
        }

        var existing = await db.Profiles.Where(p => p.EstablishmentId == establishmentId && p.TrainingYearId == trainingYearId)
            .Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new StartResult(existing, null);
        }

        var campaign = await db.Campaigns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.DirectorateId == establishment.DirectorateId && c.TrainingYearId == trainingYearId, cancellationToken);
        if (campaign is null || !campaign.IsOpenOn(calendar.Today))
        {
            return new StartResult(null, NoOpenCampaign);
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
        db.Profiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Created, null, last is null ? null : $"prefilled from {last.TrainingYear?.Label}"));
        await db.SaveChangesAsync(cancellationToken);
        if (last is not null)
        {
            // Needs and constraints still open last year are carried over: they are the meeting's follow-up.
            await NeedsAndConstraintsService.CarryOverAsync(db, last.Id, profile, cancellationToken);
        }

        logger.LogInformation("Profile {ProfileId} started for establishment {EstablishmentId}, year {TrainingYearId}", profile.Id, establishmentId, trainingYearId);
        return new StartResult(profile.Id, null);
    }

    public async Task<IReadOnlyList<ValidationIssue>> CheckAsync(int profileId, bool forSubmission, CancellationToken cancellationToken = default)
    {
        var profile = await LoadAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return [];
        }

        var last = await LastApprovedAsync(profile.EstablishmentId, profile.TrainingYear!.StartYear, cancellationToken);
        return ProfileRules.Check(profile, last, rules, forSubmission);
    }

    public async Task<SectionSaveResult> SaveSectionAsync(
        AccessScope scope, int profileId, ProfileSection section, Guid version, string? warningComment,
        Func<EstablishmentProfile, Task<IReadOnlyList<ProfileChange>>> apply, CancellationToken cancellationToken = default)
    {
        var profile = await WithRows(db.Profiles).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        if (profile is null)
        {
            return new SectionSaveResult(SectionSaveStatus.NotFound, version, []);
        }

        var owner = new EstablishmentRef(profile.EstablishmentId, profile.Establishment!.Province!.Region!.DirectorateId);
        if (!ProfileWorkflow.Can(scope, ProfileAction.Edit, profile.Status, owner))
        {
            return new SectionSaveResult(SectionSaveStatus.Locked, version, []);
        }

        var state = profile.Sections.SingleOrDefault(s => s.Section == section);
        if (state is null)
        {
            state = new ProfileSectionState { ProfileId = profileId, Section = section, Version = version };
            profile.Sections.Add(state);
        }

        if (state.Version != version)
        {
            return new SectionSaveResult(SectionSaveStatus.Conflict, state.Version, []);
        }

        var before = ProfileSnapshot.Of(profile, section);
        var extra = await apply(profile);
        var changes = ProfileSnapshot.Diff(before, ProfileSnapshot.Of(profile, section)).Concat(extra).ToList();
        var comment = string.IsNullOrWhiteSpace(warningComment) ? null : warningComment.Trim();
        if (comment != state.WarningComment)
        {
            changes.Add(new ProfileChange { Field = "Comment", OldValue = state.WarningComment, NewValue = comment });
            state.WarningComment = comment;
        }

        // The database checks the token too, so two saves racing past the comparison above cannot both win.
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

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Profile {ProfileId} section {Section} save refused: saved by someone else meanwhile", profileId, section);
            db.ChangeTracker.Clear();
            var current = await db.ProfileSections.AsNoTracking().Where(s => s.ProfileId == profileId && s.Section == section)
                .Select(s => s.Version).SingleOrDefaultAsync(cancellationToken);
            return new SectionSaveResult(SectionSaveStatus.Conflict, current, []);
        }

        logger.LogInformation("Profile {ProfileId} section {Section} saved with {ChangeCount} changes", profileId, section, changes.Count);
        var issues = (await CheckAsync(profileId, forSubmission: false, cancellationToken)).Where(i => i.Section == section).ToList();
        return new SectionSaveResult(SectionSaveStatus.Saved, state.Version, issues);
    }

    public async Task<TransitionResult> SubmitAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default)
    {
        var (profile, owner) = await TrackedAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return TransitionResult.NotFound;
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Submit, profile.Status, owner))
        {
            return TransitionResult.NotAllowed;
        }

        var issues = await CheckAsync(profileId, forSubmission: true, cancellationToken);
        if (issues.Any(i => i.Level == IssueLevel.Error))
        {
            return TransitionResult.Invalid(FixErrorsFirst, issues);
        }

        var unexplained = issues.Where(i => i.Level == IssueLevel.Warning
            && string.IsNullOrWhiteSpace(profile.Sections.SingleOrDefault(s => s.Section == i.Section)?.WarningComment)).ToList();
        if (unexplained.Count > 0)
        {
            return TransitionResult.Invalid(ExplainWarnings, unexplained);
        }

        var deadline = profile.Campaign?.Deadline;
        profile.Status = ProfileStatus.Submitted;
        profile.SubmittedAtUtc = calendar.UtcNow;
        profile.SubmittedLate |= deadline is { } d && calendar.Today > d;
        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Submitted, null, profile.SubmittedLate ? "late" : null));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Profile {ProfileId} submitted (late: {Late})", profileId, profile.SubmittedLate);
        return TransitionResult.Done;
    }

    public async Task<TransitionResult> ReturnAsync(AccessScope scope, int profileId, IReadOnlyDictionary<ProfileSection, string> comments, CancellationToken cancellationToken = default)
    {
        var (profile, owner) = await TrackedAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return TransitionResult.NotFound;
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Return, profile.Status, owner))
        {
            return TransitionResult.NotAllowed;
        }

        var given = comments.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim());
        if (given.Count == 0)
        {
            return TransitionResult.Invalid(CommentRequired);
        }

        foreach (var state in profile.Sections)
        {
            state.ReviewComment = given.GetValueOrDefault(state.Section);
        }

        profile.Status = ProfileStatus.Returned;
        var entry = NewEvent(profile, ProfileEventKind.Returned, null, string.Join("\n", given.Select(c => $"{c.Key}: {c.Value}")));
        db.ProfileEvents.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Profile {ProfileId} returned with comments on {SectionCount} sections", profileId, given.Count);
        await NotifyDirectorsAsync(profile, ReturnedMessage, [], cancellationToken);
        return TransitionResult.Done;
    }

    public async Task<TransitionResult> ApproveAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default)
    {
        var (profile, owner) = await TrackedAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return TransitionResult.NotFound;
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Approve, profile.Status, owner))
        {
            return TransitionResult.NotAllowed;
        }

        profile.Status = ProfileStatus.Approved;
        profile.ApprovedAtUtc = calendar.UtcNow;
        profile.ApprovedBy = currentUser.UserId;
        foreach (var state in profile.Sections)
        {
            state.ReviewComment = null;
        }

        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Approved, null, null));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Profile {ProfileId} approved", profileId);
        await NotifyDirectorsAsync(profile, ApprovedMessage, [], cancellationToken);
        return TransitionResult.Done;
    }

    public async Task<TransitionResult> ReopenAsync(AccessScope scope, int profileId, string reason, CancellationToken cancellationToken = default)
    {
        var (profile, owner) = await TrackedAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return TransitionResult.NotFound;
        }

        if (!ProfileWorkflow.Can(scope, ProfileAction.Reopen, profile.Status, owner))
        {
            return TransitionResult.NotAllowed;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return TransitionResult.Invalid(ReasonRequired);
        }

        profile.Status = ProfileStatus.Returned;
        profile.ApprovedAtUtc = null;
        profile.ApprovedBy = null;
        db.ProfileEvents.Add(NewEvent(profile, ProfileEventKind.Reopened, null, reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Profile {ProfileId} reopened", profileId);
        await NotifyDirectorsAsync(profile, ReopenedMessage, [reason.Trim()], cancellationToken);
        return TransitionResult.Done;
    }

    public async Task<IReadOnlyList<ProfileEvent>> HistoryAsync(int profileId, CancellationToken cancellationToken = default) =>
        await db.ProfileEvents.AsNoTracking().Include(e => e.Changes)
            .Where(e => e.ProfileId == profileId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProfileYear>> ListForEstablishmentAsync(int establishmentId, CancellationToken cancellationToken = default) =>
        (await db.Profiles.AsNoTracking().Where(p => p.EstablishmentId == establishmentId)
            .OrderByDescending(p => p.TrainingYear!.StartYear)
            .Select(p => new { p.Id, p.TrainingYear!.StartYear, p.Status, p.SubmittedLate })
            .ToListAsync(cancellationToken))
        .Select(p => new ProfileYear(p.Id, Organisation.TrainingYear.FormatLabel(p.StartYear), p.Status, p.SubmittedLate)).ToList();

    private static IQueryable<EstablishmentProfile> WithRows(IQueryable<EstablishmentProfile> query) =>
        // Rows in creation order: rule findings and form rows refer to them by position.
        query.Include(p => p.Programmes.OrderBy(r => r.Id)).ThenInclude(r => r.Programme)
            .Include(p => p.Equipment.OrderBy(e => e.Id))
            .Include(p => p.Sections)
            .Include(p => p.Campaign)
            .Include(p => p.TrainingYear)
            .Include(p => p.Establishment!).ThenInclude(e => e.Province!).ThenInclude(p => p.Region);

    private async Task<(EstablishmentProfile? Profile, EstablishmentRef Owner)> TrackedAsync(int profileId, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.Include(p => p.Sections).Include(p => p.Campaign).Include(p => p.TrainingYear)
            .Include(p => p.Establishment!).ThenInclude(e => e.Province!).ThenInclude(p => p.Region)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        return profile is null
            ? (null, default)
            : (profile, new EstablishmentRef(profile.EstablishmentId, profile.Establishment!.Province!.Region!.DirectorateId));
    }

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

    private async Task NotifyDirectorsAsync(EstablishmentProfile profile, string messageKey, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        var directors = await db.UserEstablishments.AsNoTracking()
            .Where(l => l.EstablishmentId == profile.EstablishmentId && !l.User!.IsDisabled)
            .Select(l => l.UserId).ToListAsync(cancellationToken);
        var name = profile.Establishment!.NameFr + " / " + profile.Establishment.NameAr;
        await notifications.NotifyAsync(directors, messageKey, [name, profile.TrainingYear!.Label, .. extra], $"/Profiles/{profile.Id}/Review", cancellationToken);
    }

    /// <summary>A new year's sheet starts from last year's approved one: same resources and programmes.</summary>
    internal static EstablishmentProfile CopyForNewYear(EstablishmentProfile last) => new()
    {
        PrefilledFromId = last.Id,
        AddressFr = last.AddressFr, AddressAr = last.AddressAr, Phone = last.Phone, Email = last.Email,
        OpeningYear = last.OpeningYear, SiteAreaSquareMetres = last.SiteAreaSquareMetres, HasCanteen = last.HasCanteen,
        BuildingCondition = last.BuildingCondition,
        PermanentTrainers = last.PermanentTrainers, PermanentTrainersWomen = last.PermanentTrainersWomen,
        ContractTrainers = last.ContractTrainers, ContractTrainersWomen = last.ContractTrainersWomen,
        PartTimeTrainers = last.PartTimeTrainers, PartTimeTrainersWomen = last.PartTimeTrainersWomen,
        AdministrativeStaff = last.AdministrativeStaff, AdministrativeStaffWomen = last.AdministrativeStaffWomen,
        SupportStaff = last.SupportStaff, SupportStaffWomen = last.SupportStaffWomen,
        VacantTrainerPosts = last.VacantTrainerPosts, VacantOtherPosts = last.VacantOtherPosts,
        Classrooms = last.Classrooms, Workshops = last.Workshops, Laboratories = last.Laboratories,
        ComputerRooms = last.ComputerRooms, Computers = last.Computers, BoardingPlaces = last.BoardingPlaces,
        Equipment = last.Equipment.Select(e => new ProfileEquipment { Name = e.Name, Quantity = e.Quantity, Condition = e.Condition }).ToList(),
        // The programmes, groups and places carry over; trainees and graduates are this year's to count, so they
        // start at zero rather than at a guess nobody would notice.
        Programmes = last.Programmes.Select(r => new ProfileProgramme
        {
            ProgrammeId = r.ProgrammeId, Groups = r.Groups, Capacity = r.Capacity,
        }).ToList(),
    };
}
