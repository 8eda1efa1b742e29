using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>
/// The programmes offered in the year with trainees by year of study. The programmes, groups and places carry
/// over to a new year; trainees and graduates are that year's to count, so they start at zero rather than at a
/// guess nobody would notice.
/// </summary>
public sealed record ProgrammesInput : ISectionInput
{
    public static ProfileSection Section => ProfileSection.Programmes;

    public List<ProgrammeRowInput> Programmes { get; init; } = [];

    /// <summary>The rows that are kept on saving: a programme chosen and not marked for removal.</summary>
    public IReadOnlyList<ProgrammeRowInput> Kept => Programmes.Where(r => r.ProgrammeId is not null && !r.Remove).ToList();

    public int TotalTrainees => Programmes.Sum(p => p.TotalTrainees);

    public int TotalTraineesWomen => Programmes.Sum(p => p.TotalTraineesWomen);

    public static ProgrammesInput From(EstablishmentProfile p) => new()
    {
        Programmes = p.Programmes.Select(r => new ProgrammeRowInput
        {
            ProgrammeId = r.ProgrammeId, Groups = r.Groups, Capacity = r.Capacity,
            FirstYearTrainees = r.FirstYearTrainees, FirstYearWomen = r.FirstYearWomen,
            SecondYearTrainees = r.SecondYearTrainees, SecondYearWomen = r.SecondYearWomen,
            GraduatesLastYear = r.GraduatesLastYear, GraduatesLastYearWomen = r.GraduatesLastYearWomen,
        }).ToList(),
    };

    /// <summary>Rows are updated in place and new ones appended, so row numbers stay those of the form.</summary>
    /// <param name="catalogue">The active programmes chosen, so saved rows carry their programme (and the history its code).</param>
    public void ApplyTo(EstablishmentProfile p, IReadOnlyDictionary<int, Organisation.Programme> catalogue)
    {
        var kept = Kept;
        var existing = p.Programmes.ToList();
        for (var i = existing.Count - 1; i >= kept.Count; i--)
        {
            p.Programmes.Remove(existing[i]);
        }

        for (var i = 0; i < kept.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new ProfileProgramme();
            var input = kept[i];
            row.ProgrammeId = input.ProgrammeId!.Value;
            row.Programme = catalogue.GetValueOrDefault(row.ProgrammeId);
            row.Groups = input.Groups;
            row.Capacity = input.Capacity;
            row.FirstYearTrainees = input.FirstYearTrainees;
            row.FirstYearWomen = input.FirstYearWomen;
            row.SecondYearTrainees = input.SecondYearTrainees;
            row.SecondYearWomen = input.SecondYearWomen;
            row.GraduatesLastYear = input.GraduatesLastYear;
            row.GraduatesLastYearWomen = input.GraduatesLastYearWomen;
            if (i >= existing.Count)
            {
                p.Programmes.Add(row);
            }
        }
    }

    public ProgrammesInput ForNewYear() => new()
    {
        Programmes = Programmes.Select(r => new ProgrammeRowInput { ProgrammeId = r.ProgrammeId, Groups = r.Groups, Capacity = r.Capacity }).ToList(),
    };

    /// <summary>For the history: one line per programme, keyed by its code (read back by <see cref="ProfileHistoryFields"/>).</summary>
    public static Dictionary<string, string?> Snapshot(EstablishmentProfile p) =>
        p.Programmes.GroupBy(r => r.Programme?.Code ?? r.ProgrammeId.ToString(CultureInfo.InvariantCulture))
            .ToDictionary(g => ProfileHistoryFields.ProgrammePrefix + g.Key, g => (string?)string.Join(" | ", g.Select(Describe)));

    private static string Describe(ProfileProgramme r) => string.Create(CultureInfo.InvariantCulture,
        $"groups {r.Groups}, capacity {r.Capacity}, year 1 {r.FirstYearTrainees} (women {r.FirstYearWomen}), year 2 {r.SecondYearTrainees} (women {r.SecondYearWomen}), graduates {r.GraduatesLastYear} (women {r.GraduatesLastYearWomen})");
}

public sealed record ProgrammeRowInput
{
    private const string RangeMessage = "The number must be between {1} and {2}.";

    [Display(Name = "Programme")]
    public int? ProgrammeId { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Groups")]
    public int Groups { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Places")]
    public int Capacity { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "1st year trainees")]
    public int FirstYearTrainees { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int FirstYearWomen { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "2nd year trainees")]
    public int SecondYearTrainees { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int SecondYearWomen { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "Graduates last year")]
    public int GraduatesLastYear { get; init; }

    [Range(0, SectionLimits.Count, ErrorMessage = RangeMessage)]
    [Display(Name = "of which women")]
    public int GraduatesLastYearWomen { get; init; }

    [FormOnly]
    [Display(Name = "Remove")]
    public bool Remove { get; init; }

    public int TotalTrainees => FirstYearTrainees + SecondYearTrainees;

    public int TotalTraineesWomen => FirstYearWomen + SecondYearWomen;

    /// <summary>Each "of which women" field of the row with its total.</summary>
    public IEnumerable<(string Field, int Total, int Women)> WomenPairs()
    {
        yield return (nameof(FirstYearWomen), FirstYearTrainees, FirstYearWomen);
        yield return (nameof(SecondYearWomen), SecondYearTrainees, SecondYearWomen);
        yield return (nameof(GraduatesLastYearWomen), GraduatesLastYear, GraduatesLastYearWomen);
    }
}
