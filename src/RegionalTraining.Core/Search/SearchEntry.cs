namespace RegionalTraining.Core.Search;

/// <summary>What a search result is; stored as a string.</summary>
public enum SearchKind
{
    Meeting = 1,
    Establishment = 2,
    Decision = 3,
    Need = 4,
    Constraint = 5,
}

/// <summary>
/// One row of the search index: a meeting, an establishment, a decision, a need or a constraint, with what the
/// access rules need (directorate, establishment, public or not), what a result shows (titles, the text) and the
/// folded text the index looks up. Written only by <see cref="SearchIndexWriter"/>, never by a form.
/// </summary>
public class SearchEntry
{
    public int Id { get; set; }

    public SearchKind Kind { get; set; }

    /// <summary>The id of the meeting, establishment, decision, need or constraint.</summary>
    public int EntityId { get; set; }

    /// <summary>Where a result leads when it is not the entity itself: a decision's meeting, a need's identity sheet.</summary>
    public int? ParentId { get; set; }

    public int DirectorateId { get; set; }

    /// <summary>The establishment the row belongs to (a need's, a decision's owner, a meeting's venue), for directors' perimeter.</summary>
    public int? EstablishmentId { get; set; }

    /// <summary>A meeting with published minutes: anyone may find it.</summary>
    public bool IsPublic { get; set; }

    /// <summary>The address of a published meeting.</summary>
    public string? Slug { get; set; }

    public string TitleFr { get; set; } = string.Empty;

    public string TitleAr { get; set; } = string.Empty;

    /// <summary>The text as written, for the excerpt.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary><see cref="SearchFolding.Key"/> of <see cref="TitleFr"/>, <see cref="TitleAr"/> and <see cref="Text"/>.</summary>
    public string Folded { get; set; } = string.Empty;
}

/// <summary>A three-letter window of an entry's folded text: the SQL Server index (SQLite uses FTS5 instead).</summary>
public class SearchGram
{
    public string Gram { get; set; } = string.Empty;

    public int EntryId { get; set; }
}

/// <summary>A town of the gazetteer (seeds/gazetteer.json): its official names and the other ways people write it.</summary>
public class GazetteerTown
{
    public int Id { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    /// <summary>Other spellings, one per line.</summary>
    public string Variants { get; set; } = string.Empty;

    public IEnumerable<string> Names => [NameFr, NameAr, .. Variants.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
