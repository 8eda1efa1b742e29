using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Web.ViewModels.Profiles;

public sealed record ProfileIndexRow(
    int EstablishmentId, string NameFr, string NameAr, int TrainingYearId, string YearLabel, DateOnly OpensOn, DateOnly Deadline,
    bool IsOpen, int? ProfileId, ProfileStatus? Status);

public sealed record ProfileIndexViewModel(
    IReadOnlyList<ProfileIndexRow> MyProfiles, bool IsDirector, bool IsDirectorateMember,
    IReadOnlyList<ReviewQueueItem> AwaitingReview);

public sealed record ReviewQueueItem(int ProfileId, string NameFr, string NameAr, string YearLabel, DateTime? SubmittedAtUtc, bool Late);

public sealed class ReviewViewModel
{
    public ProfileHeader Header { get; init; } = new();

    public EstablishmentProfile Profile { get; init; } = null!;

    public IReadOnlyList<Need> Needs { get; init; } = [];

    public IReadOnlyList<Constraint> Constraints { get; init; } = [];

    public IssueList Issues { get; init; } = IssueList.Empty;

    public bool CanSubmit { get; init; }

    public bool CanReturn { get; init; }

    public bool CanApprove { get; init; }

    public bool CanReopen { get; init; }

    /// <summary>Comments typed in the return form, kept when it is refused.</summary>
    public Dictionary<ProfileSection, string> ReturnComments { get; init; } = [];

    public string? ReopenReason { get; init; }

    public string? ErrorKey { get; init; }
}

public sealed record HistoryViewModel(ProfileHeader Header, IReadOnlyList<ProfileEvent> Events);

public sealed record PrintViewModel(ProfileHeader Header, EstablishmentProfile Profile, IReadOnlyList<Need> Needs, IReadOnlyList<Constraint> Constraints, DateTime PrintedAtUtc);
