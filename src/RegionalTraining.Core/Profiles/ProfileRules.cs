using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.Profiles;

public enum IssueLevel
{
    /// <summary>Blocks submission.</summary>
    Error = 1,

    /// <summary>Submission needs a comment on the section explaining it.</summary>
    Warning = 2,
}

/// <summary>
/// A rule's finding. <paramref name="Field"/> is the form field it belongs to (e.g. "PermanentTrainersWomen" or
/// "Programmes[2].Capacity"); <paramref name="MessageKey"/> is a resource key, formatted with <paramref name="Arguments"/>.
/// </summary>
public sealed record ValidationIssue(ProfileSection Section, string Field, IssueLevel Level, string MessageKey, params object[] Arguments);

/// <summary>Thresholds of the rules, from the "ProfileRules" configuration section.</summary>
public sealed class ProfileRulesOptions
{
    public const string Section = "ProfileRules";

    /// <summary>Trainees may exceed capacity by this share before it is an error (0.10 = 10 %).</summary>
    public decimal CapacityMargin { get; set; } = 0.10m;

    /// <summary>A key figure that moved more than this share from last year's approved profile is a warning.</summary>
    public decimal MaximumYearOnYearChange { get; set; } = 0.30m;

    public decimal MinimumTraineesPerTrainer { get; set; } = 5m;

    public decimal MaximumTraineesPerTrainer { get; set; } = 40m;
}

/// <summary>
/// The validation rules of an identity sheet, one method each so each can be tested (and seen to fail) alone.
/// They read the section inputs only (never the database), run once per page and again before submission.
/// Limits of single fields (no negative count, at most so many characters) are the inputs' own attributes.
/// </summary>
public static class ProfileRules
{
    /// <summary>All rules. Required-section checks only apply when <paramref name="forSubmission"/>.</summary>
    public static IReadOnlyList<ValidationIssue> Check(
        ProfileInputs profile, ProfileInputs? lastApproved, ProfileRulesOptions options, bool forSubmission)
    {
        var issues = new List<ValidationIssue>();
        issues.AddRange(WomenNotAboveTotal(profile.HumanResources));
        issues.AddRange(WomenNotAboveTotal(profile.Programmes));
        issues.AddRange(TraineesWithinCapacity(profile.Programmes, options.CapacityMargin));
        issues.AddRange(ProgrammesUnique(profile.Programmes));
        if (forSubmission)
        {
            issues.AddRange(RequiredSections(profile));
        }

        issues.AddRange(YearOnYearChanges(profile, lastApproved, options.MaximumYearOnYearChange));
        issues.AddRange(TraineesPerTrainer(profile, options.MinimumTraineesPerTrainer, options.MaximumTraineesPerTrainer));
        return issues;
    }

    /// <summary>Each "of which women" is at most its total.</summary>
    public static IEnumerable<ValidationIssue> WomenNotAboveTotal(HumanResourcesInput staff) =>
        staff.WomenPairs().Where(x => (x.Women ?? 0) > (x.Total ?? 0))
            .Select(x => new ValidationIssue(ProfileSection.HumanResources, x.Field, IssueLevel.Error, Messages.WomenAboveTotal, x.Total ?? 0));

    public static IEnumerable<ValidationIssue> WomenNotAboveTotal(ProgrammesInput programmes) =>
        programmes.Programmes.SelectMany((row, i) => row.WomenPairs().Where(x => x.Women > x.Total)
            .Select(x => new ValidationIssue(ProfileSection.Programmes, $"Programmes[{i}].{x.Field}", IssueLevel.Error, Messages.WomenAboveTotal, x.Total)));

    public static IEnumerable<ValidationIssue> TraineesWithinCapacity(ProgrammesInput programmes, decimal margin) =>
        programmes.Programmes.Select((row, i) => (row, i))
            .Where(x => x.row.TotalTrainees > x.row.Capacity * (1 + margin))
            .Select(x => new ValidationIssue(ProfileSection.Programmes, $"Programmes[{x.i}].{nameof(ProgrammeRowInput.Capacity)}", IssueLevel.Error,
                Messages.AboveCapacity, x.row.TotalTrainees, x.row.Capacity, Math.Round(margin * 100)));

    public static IEnumerable<ValidationIssue> ProgrammesUnique(ProgrammesInput programmes) =>
        programmes.Programmes.Select((row, index) => (row, index))
            .Where(x => x.row.ProgrammeId is not null)
            .GroupBy(x => x.row.ProgrammeId).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1))
            .Select(x => new ValidationIssue(ProfileSection.Programmes, $"Programmes[{x.index}].{nameof(ProgrammeRowInput.ProgrammeId)}", IssueLevel.Error, Messages.DuplicateProgramme));

    /// <summary>General, human and material resources must be filled in, and at least one programme given.</summary>
    public static IEnumerable<ValidationIssue> RequiredSections(ProfileInputs p)
    {
        if (p.General.IsEmpty)
        {
            yield return new ValidationIssue(ProfileSection.General, string.Empty, IssueLevel.Error, Messages.SectionEmpty);
        }

        if (p.HumanResources.IsEmpty)
        {
            yield return new ValidationIssue(ProfileSection.HumanResources, string.Empty, IssueLevel.Error, Messages.SectionEmpty);
        }

        if (p.MaterialResources.IsEmpty)
        {
            yield return new ValidationIssue(ProfileSection.MaterialResources, string.Empty, IssueLevel.Error, Messages.SectionEmpty);
        }

        if (p.Programmes.Programmes.Count == 0)
        {
            yield return new ValidationIssue(ProfileSection.Programmes, string.Empty, IssueLevel.Error, Messages.NoProgramme);
        }
    }

    /// <summary>Key figures compared with last year's approved sheet; a move beyond the threshold needs an explanation.</summary>
    public static IEnumerable<ValidationIssue> YearOnYearChanges(ProfileInputs p, ProfileInputs? last, decimal threshold)
    {
        if (last is null)
        {
            yield break;
        }

        var figures = new (ProfileSection Section, string Field, string Label, int? Now, int? Before)[]
        {
            (ProfileSection.HumanResources, nameof(HumanResourcesInput.PermanentTrainers), "Trainers", p.HumanResources.TotalTrainers, last.HumanResources.TotalTrainers),
            (ProfileSection.Programmes, string.Empty, "Trainees", p.Programmes.TotalTrainees, last.Programmes.TotalTrainees),
            (ProfileSection.MaterialResources, nameof(MaterialResourcesInput.Classrooms), "Classrooms", p.MaterialResources.Classrooms, last.MaterialResources.Classrooms),
            (ProfileSection.MaterialResources, nameof(MaterialResourcesInput.Computers), "Computers", p.MaterialResources.Computers, last.MaterialResources.Computers),
            (ProfileSection.MaterialResources, nameof(MaterialResourcesInput.BoardingPlaces), "Boarding places", p.MaterialResources.BoardingPlaces, last.MaterialResources.BoardingPlaces),
        };
        foreach (var f in figures)
        {
            if (f.Now is not { } now || f.Before is not { } before || before == 0)
            {
                continue;
            }

            var change = (now - before) / (decimal)before;
            if (Math.Abs(change) > threshold)
            {
                yield return new ValidationIssue(f.Section, f.Field, IssueLevel.Warning, Messages.ChangedFromLastYear,
                    f.Label, before, now, Math.Round(change * 100));
            }
        }
    }

    public static IEnumerable<ValidationIssue> TraineesPerTrainer(ProfileInputs p, decimal minimum, decimal maximum)
    {
        var trainers = p.HumanResources.TotalTrainers;
        if (trainers == 0 || p.Programmes.Programmes.Count == 0)
        {
            yield break;
        }

        var ratio = Math.Round(p.Programmes.TotalTrainees / (decimal)trainers, 1);
        if (ratio < minimum || ratio > maximum)
        {
            yield return new ValidationIssue(ProfileSection.HumanResources, nameof(HumanResourcesInput.PermanentTrainers), IssueLevel.Warning,
                Messages.RatioOutOfRange, ratio, minimum, maximum);
        }
    }
}
