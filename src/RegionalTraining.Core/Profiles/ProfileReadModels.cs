using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.Profiles;

/// <summary>Who a profile belongs to and where it stands, for authorization before anything else is read.</summary>
public sealed record ProfileRef(int ProfileId, int EstablishmentId, int DirectorateId, ProfileStatus Status)
{
    public Accounts.EstablishmentRef Establishment => new(EstablishmentId, DirectorateId);
}

/// <summary>Whose sheet, which year, where it stands.</summary>
public sealed record ProfileSummary(
    int ProfileId, int EstablishmentId, string EstablishmentNameFr, string EstablishmentNameAr, string YearLabel,
    ProfileStatus Status, bool SubmittedLate, DateOnly? Deadline);

/// <summary>A section's concurrency token and the comments on it.</summary>
public sealed record SectionState(Guid Version, string? WarningComment, string? ReviewComment);

/// <summary>What the reader may do with the profile now (its status and their role both count).</summary>
public sealed record ProfilePermissions(bool Edit, bool Submit, bool Return, bool Approve, bool Reopen);

/// <summary>
/// Everything one page of a profile shows, read once: the summary, every section's input and state, the needs
/// and constraints, the names of its programmes, and the rule findings computed once from those inputs.
/// </summary>
public sealed record ProfileView(
    ProfileSummary Summary,
    ProfileInputs Inputs,
    NeedsInput Needs,
    ConstraintsInput Constraints,
    IReadOnlyDictionary<ProfileSection, SectionState> Sections,
    IReadOnlyList<ValidationIssue> Issues,
    ProfilePermissions Can,
    IReadOnlyDictionary<int, ProgrammeName> ProgrammeNames)
{
    public SectionState StateOf(ProfileSection section) => Sections.GetValueOrDefault(section) ?? new SectionState(Guid.Empty, null, null);
}

public sealed record ProgrammeName(string Code, string NameFr, string NameAr);

/// <summary>One establishment of the director and one campaign year: the sheet, if started.</summary>
public sealed record ProfileIndexRow(
    int EstablishmentId, string NameFr, string NameAr, int TrainingYearId, string YearLabel, DateOnly OpensOn, DateOnly Deadline,
    bool IsOpen, int? ProfileId, ProfileStatus? Status);

public sealed record ReviewQueueItem(int ProfileId, string NameFr, string NameAr, string YearLabel, DateTime? SubmittedAtUtc, bool Late);

/// <summary>The profiles page: the director's sheets per campaign, and the directorate's queue of submitted ones.</summary>
public sealed record ProfileIndex(IReadOnlyList<ProfileIndexRow> MyProfiles, bool IsDirector, bool IsDirectorateMember, IReadOnlyList<ReviewQueueItem> AwaitingReview);

public sealed record ProfileChangeLine(string Field, string? OldValue, string? NewValue);

public sealed record ProfileHistoryEntry(
    ProfileEventKind Kind, ProfileSection? Section, DateTime AtUtc, string UserName, string? Comment, IReadOnlyList<ProfileChangeLine> Changes);

public sealed record ProfileYear(int ProfileId, string YearLabel, ProfileStatus Status, bool SubmittedLate);
