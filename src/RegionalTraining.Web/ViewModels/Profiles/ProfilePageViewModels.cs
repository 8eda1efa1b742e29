using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>The review page: the profile read once (its findings computed for submission) and what the reader may do.</summary>
public sealed record ReviewViewModel(
    ProfileHeader Header, ProfileView Profile, IssueList Issues, IReadOnlyDictionary<ProfileSection, string> ReturnComments, string? ReopenReason)
{
    public static ReviewViewModel From(ProfileView view, IReadOnlyDictionary<ProfileSection, string>? comments, string? reason) =>
        new(ProfileHeader.From(view, null, "Review"), view, new IssueList(view.Issues), comments ?? new Dictionary<ProfileSection, string>(), reason);
}

public sealed record HistoryViewModel(ProfileHeader Header, IReadOnlyList<ProfileHistoryEntry> Events);

public sealed record PrintViewModel(ProfileHeader Header, ProfileView Profile, DateTime PrintedAtUtc);
