using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>What every page of a profile shows on top: whose sheet, which year, where it stands, the sections.</summary>
public sealed class ProfileHeader
{
    public int ProfileId { get; init; }

    public int EstablishmentId { get; init; }

    public string EstablishmentNameFr { get; init; } = string.Empty;

    public string EstablishmentNameAr { get; init; } = string.Empty;

    public string YearLabel { get; init; } = string.Empty;

    public ProfileStatus Status { get; init; }

    public bool SubmittedLate { get; init; }

    public DateOnly? Deadline { get; init; }

    public bool CanEdit { get; init; }

    /// <summary>The page being shown: a section, or null for review, history and print.</summary>
    public ProfileSection? Current { get; init; }

    public string? CurrentPage { get; init; }

    public IReadOnlyDictionary<ProfileSection, (int Errors, int Warnings)> IssueCounts { get; init; } = new Dictionary<ProfileSection, (int, int)>();

    public IReadOnlyDictionary<ProfileSection, string> ReviewComments { get; init; } = new Dictionary<ProfileSection, string>();

    public static readonly IReadOnlyList<ProfileSection> Sections = Enum.GetValues<ProfileSection>();

    /// <summary>The header of any page of the profile, from the page's read model.</summary>
    public static ProfileHeader From(ProfileView view, ProfileSection? section, string page) => new()
    {
        ProfileId = view.Summary.ProfileId,
        EstablishmentId = view.Summary.EstablishmentId,
        EstablishmentNameFr = view.Summary.EstablishmentNameFr,
        EstablishmentNameAr = view.Summary.EstablishmentNameAr,
        YearLabel = view.Summary.YearLabel,
        Status = view.Summary.Status,
        SubmittedLate = view.Summary.SubmittedLate,
        Deadline = view.Summary.Deadline,
        CanEdit = view.Can.Edit,
        Current = section,
        CurrentPage = page,
        IssueCounts = Sections.ToDictionary(
            s => s,
            s => (view.Issues.Count(i => i.Section == s && i.Level == IssueLevel.Error), view.Issues.Count(i => i.Section == s && i.Level == IssueLevel.Warning))),
        ReviewComments = view.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Value.ReviewComment))
            .ToDictionary(s => s.Key, s => s.Value.ReviewComment!),
    };

    public static string ActionOf(ProfileSection section) => section.ToString();

    public static string StatusBadge(ProfileStatus status) => status switch
    {
        ProfileStatus.Draft => "text-bg-secondary",
        ProfileStatus.Submitted => "text-bg-primary",
        ProfileStatus.Returned => "text-bg-warning",
        ProfileStatus.Approved => "text-bg-success",
        _ => "text-bg-light",
    };
}

/// <summary>
/// Issues of a page, looked up by field name so each shows next to its field, and after a refused save the value
/// now stored of each field that differs from what was typed.
/// </summary>
public sealed class IssueList(IReadOnlyList<ValidationIssue> issues, IReadOnlyDictionary<string, object?>? nowSaved = null)
{
    public static readonly IssueList Empty = new([]);

    public IReadOnlyDictionary<string, object?> NowSaved { get; } = nowSaved ?? new Dictionary<string, object?>();

    public IReadOnlyList<ValidationIssue> All => issues;

    public IEnumerable<ValidationIssue> For(string field) => issues.Where(i => i.Field == field);

    /// <summary>Issues about the section as a whole, or about a figure without its own field on this page.</summary>
    public IEnumerable<ValidationIssue> General(IEnumerable<string> fieldsOnPage)
    {
        var shown = fieldsOnPage.ToHashSet();
        return issues.Where(i => !shown.Contains(i.Field));
    }

    public bool HasWarnings => issues.Any(i => i.Level == IssueLevel.Warning);
}
