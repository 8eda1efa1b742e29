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
/// They run on every save of a section and again before submission.
/// </summary>
public static class ProfileRules
{
    public const string NegativeCount = "The number cannot be negative.";
    public const string WomenAboveTotal = "The number of women cannot be above the total ({0}).";
    public const string AboveCapacity = "{0} trainees for {1} places: more than the allowed margin of {2} %.";
    public const string SectionEmpty = "This section must be filled in before submitting.";
    public const string NoProgramme = "Add at least one programme before submitting.";
    public const string ChangedFromLastYear = "{0} went from {1} last year to {2} ({3} %). Explain the change in the section comment.";
    public const string RatioOutOfRange = "{0} trainees per trainer, outside the usual range {1}–{2}. Explain it in the section comment.";
    public const string DuplicateProgramme = "This programme appears twice.";

    /// <summary>All rules. Required-section checks only apply when <paramref name="forSubmission"/>.</summary>
    public static IReadOnlyList<ValidationIssue> Check(
        EstablishmentProfile profile, EstablishmentProfile? lastApproved, ProfileRulesOptions options, bool forSubmission)
    {
        var issues = new List<ValidationIssue>();
        issues.AddRange(NegativeCounts(profile));
        issues.AddRange(WomenNotAboveTotal(profile));
        issues.AddRange(TraineesWithinCapacity(profile, options.CapacityMargin));
        issues.AddRange(ProgrammesUnique(profile));
        if (forSubmission)
        {
            issues.AddRange(RequiredSections(profile));
        }

        issues.AddRange(YearOnYearChanges(profile, lastApproved, options.MaximumYearOnYearChange));
        issues.AddRange(TraineesPerTrainer(profile, options.MinimumTraineesPerTrainer, options.MaximumTraineesPerTrainer));
        return issues;
    }

    /// <summary>Every count of the sheet with the section and field it belongs to.</summary>
    internal static IEnumerable<(ProfileSection Section, string Field, int? Value)> Counts(EstablishmentProfile p)
    {
        yield return (ProfileSection.General, nameof(p.SiteAreaSquareMetres), p.SiteAreaSquareMetres);
        yield return (ProfileSection.HumanResources, nameof(p.PermanentTrainers), p.PermanentTrainers);
        yield return (ProfileSection.HumanResources, nameof(p.PermanentTrainersWomen), p.PermanentTrainersWomen);
        yield return (ProfileSection.HumanResources, nameof(p.ContractTrainers), p.ContractTrainers);
        yield return (ProfileSection.HumanResources, nameof(p.ContractTrainersWomen), p.ContractTrainersWomen);
        yield return (ProfileSection.HumanResources, nameof(p.PartTimeTrainers), p.PartTimeTrainers);
        yield return (ProfileSection.HumanResources, nameof(p.PartTimeTrainersWomen), p.PartTimeTrainersWomen);
        yield return (ProfileSection.HumanResources, nameof(p.AdministrativeStaff), p.AdministrativeStaff);
        yield return (ProfileSection.HumanResources, nameof(p.AdministrativeStaffWomen), p.AdministrativeStaffWomen);
        yield return (ProfileSection.HumanResources, nameof(p.SupportStaff), p.SupportStaff);
        yield return (ProfileSection.HumanResources, nameof(p.SupportStaffWomen), p.SupportStaffWomen);
        yield return (ProfileSection.HumanResources, nameof(p.VacantTrainerPosts), p.VacantTrainerPosts);
        yield return (ProfileSection.HumanResources, nameof(p.VacantOtherPosts), p.VacantOtherPosts);
        yield return (ProfileSection.MaterialResources, nameof(p.Classrooms), p.Classrooms);
        yield return (ProfileSection.MaterialResources, nameof(p.Workshops), p.Workshops);
        yield return (ProfileSection.MaterialResources, nameof(p.Laboratories), p.Laboratories);
        yield return (ProfileSection.MaterialResources, nameof(p.ComputerRooms), p.ComputerRooms);
        yield return (ProfileSection.MaterialResources, nameof(p.Computers), p.Computers);
        yield return (ProfileSection.MaterialResources, nameof(p.BoardingPlaces), p.BoardingPlaces);
        for (var i = 0; i < p.Equipment.Count; i++)
        {
            yield return (ProfileSection.MaterialResources, $"Equipment[{i}].Quantity", p.Equipment[i].Quantity);
        }

        for (var i = 0; i < p.Programmes.Count; i++)
        {
            var row = p.Programmes[i];
            var prefix = $"Programmes[{i}].";
            yield return (ProfileSection.Programmes, prefix + nameof(row.Groups), row.Groups);
            yield return (ProfileSection.Programmes, prefix + nameof(row.Capacity), row.Capacity);
            yield return (ProfileSection.Programmes, prefix + nameof(row.FirstYearTrainees), row.FirstYearTrainees);
            yield return (ProfileSection.Programmes, prefix + nameof(row.FirstYearWomen), row.FirstYearWomen);
            yield return (ProfileSection.Programmes, prefix + nameof(row.SecondYearTrainees), row.SecondYearTrainees);
            yield return (ProfileSection.Programmes, prefix + nameof(row.SecondYearWomen), row.SecondYearWomen);
            yield return (ProfileSection.Programmes, prefix + nameof(row.GraduatesLastYear), row.GraduatesLastYear);
            yield return (ProfileSection.Programmes, prefix + nameof(row.GraduatesLastYearWomen), row.GraduatesLastYearWomen);
        }
    }

    public static IEnumerable<ValidationIssue> NegativeCounts(EstablishmentProfile profile) =>
        Counts(profile).Where(c => c.Value < 0)
            .Select(c => new ValidationIssue(c.Section, c.Field, IssueLevel.Error, NegativeCount));

    /// <summary>Each "of which women" is at most its total.</summary>
    public static IEnumerable<ValidationIssue> WomenNotAboveTotal(EstablishmentProfile p)
    {
        var pairs = new List<(ProfileSection Section, string Field, int? Total, int? Women)>
        {
            (ProfileSection.HumanResources, nameof(p.PermanentTrainersWomen), p.PermanentTrainers, p.PermanentTrainersWomen),
            (ProfileSection.HumanResources, nameof(p.ContractTrainersWomen), p.ContractTrainers, p.ContractTrainersWomen),
            (ProfileSection.HumanResources, nameof(p.PartTimeTrainersWomen), p.PartTimeTrainers, p.PartTimeTrainersWomen),
            (ProfileSection.HumanResources, nameof(p.AdministrativeStaffWomen), p.AdministrativeStaff, p.AdministrativeStaffWomen),
            (ProfileSection.HumanResources, nameof(p.SupportStaffWomen), p.SupportStaff, p.SupportStaffWomen),
        };
        for (var i = 0; i < p.Programmes.Count; i++)
        {
            var row = p.Programmes[i];
            pairs.Add((ProfileSection.Programmes, $"Programmes[{i}].{nameof(row.FirstYearWomen)}", row.FirstYearTrainees, row.FirstYearWomen));
            pairs.Add((ProfileSection.Programmes, $"Programmes[{i}].{nameof(row.SecondYearWomen)}", row.SecondYearTrainees, row.SecondYearWomen));
            pairs.Add((ProfileSection.Programmes, $"Programmes[{i}].{nameof(row.GraduatesLastYearWomen)}", row.GraduatesLastYear, row.GraduatesLastYearWomen));
        }

        return pairs.Where(x => (x.Women ?? 0) > (x.Total ?? 0))
            .Select(x => new ValidationIssue(x.Section, x.Field, IssueLevel.Error, WomenAboveTotal, x.Total ?? 0));
    }

    public static IEnumerable<ValidationIssue> TraineesWithinCapacity(EstablishmentProfile p, decimal margin)
    {
        for (var i = 0; i < p.Programmes.Count; i++)
        {
            var row = p.Programmes[i];
            if (row.TotalTrainees > row.Capacity * (1 + margin))
            {
                yield return new ValidationIssue(ProfileSection.Programmes, $"Programmes[{i}].{nameof(row.Capacity)}", IssueLevel.Error,
                    AboveCapacity, row.TotalTrainees, row.Capacity, Math.Round(margin * 100));
            }
        }
    }

    public static IEnumerable<ValidationIssue> ProgrammesUnique(EstablishmentProfile p) =>
        p.Programmes.Select((row, index) => (row, index))
            .GroupBy(x => x.row.ProgrammeId).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1))
            .Select(x => new ValidationIssue(ProfileSection.Programmes, $"Programmes[{x.index}].{nameof(ProfileProgramme.ProgrammeId)}", IssueLevel.Error, DuplicateProgramme));

    /// <summary>General, human and material resources must be filled in, and at least one programme given.</summary>
    public static IEnumerable<ValidationIssue> RequiredSections(EstablishmentProfile p)
    {
        if (p.OpeningYear is null && p.SiteAreaSquareMetres is null && p.BuildingCondition is null && p.HasCanteen is null)
        {
            yield return new ValidationIssue(ProfileSection.General, string.Empty, IssueLevel.Error, SectionEmpty);
        }

        if (p.PermanentTrainers is null && p.ContractTrainers is null && p.PartTimeTrainers is null && p.AdministrativeStaff is null)
        {
            yield return new ValidationIssue(ProfileSection.HumanResources, string.Empty, IssueLevel.Error, SectionEmpty);
        }

        if (p.Classrooms is null && p.Workshops is null && p.Computers is null)
        {
            yield return new ValidationIssue(ProfileSection.MaterialResources, string.Empty, IssueLevel.Error, SectionEmpty);
        }

        if (p.Programmes.Count == 0)
        {
            yield return new ValidationIssue(ProfileSection.Programmes, string.Empty, IssueLevel.Error, NoProgramme);
        }
    }

    /// <summary>Key figures compared with last year's approved sheet; a move beyond the threshold needs an explanation.</summary>
    public static IEnumerable<ValidationIssue> YearOnYearChanges(EstablishmentProfile p, EstablishmentProfile? last, decimal threshold)
    {
        if (last is null)
        {
            yield break;
        }

        var figures = new (ProfileSection Section, string Field, string Label, int? Now, int? Before)[]
        {
            (ProfileSection.HumanResources, nameof(p.PermanentTrainers), "Trainers", p.TotalTrainers, last.TotalTrainers),
            (ProfileSection.Programmes, string.Empty, "Trainees", p.TotalTrainees, last.TotalTrainees),
            (ProfileSection.MaterialResources, nameof(p.Classrooms), "Classrooms", p.Classrooms, last.Classrooms),
            (ProfileSection.MaterialResources, nameof(p.Computers), "Computers", p.Computers, last.Computers),
            (ProfileSection.MaterialResources, nameof(p.BoardingPlaces), "Boarding places", p.BoardingPlaces, last.BoardingPlaces),
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
                yield return new ValidationIssue(f.Section, f.Field, IssueLevel.Warning, ChangedFromLastYear,
                    f.Label, before, now, Math.Round(change * 100));
            }
        }
    }

    public static IEnumerable<ValidationIssue> TraineesPerTrainer(EstablishmentProfile p, decimal minimum, decimal maximum)
    {
        if (p.TotalTrainers == 0 || p.Programmes.Count == 0)
        {
            yield break;
        }

        var ratio = Math.Round(p.TotalTrainees / (decimal)p.TotalTrainers, 1);
        if (ratio < minimum || ratio > maximum)
        {
            yield return new ValidationIssue(ProfileSection.HumanResources, nameof(p.PermanentTrainers), IssueLevel.Warning,
                RatioOutOfRange, ratio, minimum, maximum);
        }
    }
}
