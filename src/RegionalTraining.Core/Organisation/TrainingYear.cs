namespace RegionalTraining.Core.Organisation;

/// <summary>A training year runs from September to July, e.g. 2022/2023 starts on 1 September 2022.</summary>
public class TrainingYear
{
    public int Id { get; set; }

    /// <summary>"2022-2023": safe in URLs and file names.</summary>
    public required string Code { get; set; }

    public int StartYear { get; set; }

    public string Label => FormatLabel(StartYear);

    public DateOnly StartsOn => new(StartYear, 9, 1);

    public DateOnly EndsOn => new(StartYear + 1, 7, 31);

    public static string FormatLabel(int startYear) => $"{startYear}/{startYear + 1}";

    public static string FormatCode(int startYear) => $"{startYear}-{startYear + 1}";

    /// <summary>The start year of the training year a date falls in; August counts with the year about to start.</summary>
    public static int StartYearFor(DateOnly date) => date.Month >= 8 ? date.Year : date.Year - 1;

    /// <summary>Reads "2022-2023" or "2022/2023"; null unless the two years follow each other.</summary>
    public static int? ParseCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var parts = code.Split('-', '/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var start) && int.TryParse(parts[1], out var end)
            && end == start + 1 && start is >= 1950 and <= 2200)
        {
            return start;
        }

        return null;
    }
}
