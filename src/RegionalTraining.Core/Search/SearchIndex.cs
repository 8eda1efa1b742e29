using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Search;

/// <param name="Kinds">The kinds wanted; all the caller may see when null.</param>
/// <param name="PublicOnly">Only what anyone may see (the public archive), whoever asks.</param>
public sealed record SearchRequest(string? Query, IReadOnlyCollection<SearchKind>? Kinds = null, bool PublicOnly = false, int Page = 1, int PageSize = 20);

/// <summary>A piece of an excerpt; <see cref="Marked"/> pieces matched the query (shown in &lt;mark&gt;, encoded like any text).</summary>
public sealed record ExcerptPart(string Text, bool Marked);

public sealed record SearchResultItem(
    SearchKind Kind, int EntityId, int? ParentId, int? EstablishmentId, string? Slug, string TitleFr, string TitleAr, IReadOnlyList<ExcerptPart> Excerpt, double Score);

/// <summary>
/// The search index: ranked results, with highlighted excerpts, of what the caller may see. One interface, an
/// implementation per provider: SQLite FTS5 with the trigram tokenizer, SQL Server a table of trigrams
/// (decision 0015). Both fold the query with <see cref="SearchFolding"/>, expand town names with the gazetteer and
/// rank the same way; they differ only in how candidates are found.
/// </summary>
public interface ISearchIndex
{
    Task<PagedResult<SearchResultItem>> SearchAsync(AccessScope scope, SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Ids of the matching <paramref name="kind"/> the caller may see, best first (at most <see cref="SearchIndex.CandidateLimit"/>).</summary>
    Task<IReadOnlyList<int>> MatchingIdsAsync(AccessScope scope, SearchKind kind, string query, bool publicOnly = false, CancellationToken cancellationToken = default);
}

/// <summary>The alternatives of one query word: the word folded and, for a town, every name of the town.</summary>
public sealed record SearchTermGroup(IReadOnlyList<string> Alternatives);

/// <summary>What both implementations share: folding the query, the perimeter, the ranking and the excerpts.</summary>
public abstract class SearchIndex(AppDbContext db) : ISearchIndex
{
    /// <summary>Candidates ranked per search; a query matching more shows the best of these (operations.md).</summary>
    public const int CandidateLimit = 1000;

    /// <summary>Share of a word's trigrams a near spelling must have.</summary>
    public const double FuzzyThreshold = 0.34;

    /// <summary>Longer queries are cut: nobody types a name that long, and each word costs a lookup.</summary>
    public const int MaxQueryLength = 200;

    private const int ExcerptRadius = 90;

    protected AppDbContext Db => db;

    public static ISearchIndex For(AppDbContext db) => db.IsSqlServer ? new SqlServerSearchIndex(db) : new SqliteSearchIndex(db);

    public async Task<PagedResult<SearchResultItem>> SearchAsync(AccessScope scope, SearchRequest request, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var ranked = await RankAsync(scope, request.Query, request.Kinds, request.PublicOnly, cancellationToken);
        var page = PagedResult<SearchResultItem>.ClampPage(request.Page, ranked.Count, pageSize);
        var items = ranked.Skip((page - 1) * pageSize).Take(pageSize).Select(r => new SearchResultItem(
            r.Entry.Kind, r.Entry.EntityId, r.Entry.ParentId, r.Entry.EstablishmentId, r.Entry.Slug, r.Entry.TitleFr, r.Entry.TitleAr,
            Excerpt(r.Entry.Text, r.Alternatives), r.Score)).ToList();
        return new PagedResult<SearchResultItem>(items, page, pageSize, ranked.Count);
    }

    public async Task<IReadOnlyList<int>> MatchingIdsAsync(AccessScope scope, SearchKind kind, string query, bool publicOnly = false, CancellationToken cancellationToken = default) =>
        (await RankAsync(scope, query, [kind], publicOnly, cancellationToken)).Select(r => r.Entry.EntityId).ToList();

    /// <summary>The query's word groups, each with the other names of a town the gazetteer knows.</summary>
    public async Task<IReadOnlyList<SearchTermGroup>> PlanAsync(string? query, CancellationToken cancellationToken)
    {
        query = query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query;
        var terms = SearchFolding.QueryTerms(query);
        var joined = SearchFolding.JoinedKey(query);
        if (terms.Count == 0 && joined.Length >= SearchFolding.MinimumTermLength)
        {
            terms = [joined];
        }

        if (terms.Count == 0)
        {
            return [];
        }

        var towns = (await db.GazetteerTowns.AsNoTracking().ToListAsync(cancellationToken))
            .Select(t => t.Names.Select(SearchFolding.JoinedKey).Where(k => k.Length >= SearchFolding.MinimumTermLength).Distinct().ToList())
            .ToList();
        var whole = towns.FirstOrDefault(keys => keys.Contains(joined));
        if (whole is not null)
        {
            return [new SearchTermGroup(whole)];
        }

        return terms.Select(term => new SearchTermGroup(
            [term, .. towns.Where(keys => keys.Contains(term)).SelectMany(keys => keys).Where(k => k != term).Distinct()])).ToList();
    }

    /// <summary>Entries of the caller's perimeter whose folded text may match; the caller ranks them.</summary>
    protected abstract Task<List<SearchEntry>> CandidatesAsync(IQueryable<SearchEntry> scoped, IReadOnlyList<SearchTermGroup> groups, CancellationToken cancellationToken);

    /// <summary>
    /// The perimeter, applied in the query before anything is limited: the public sees published meetings;
    /// a directorate's staff and regional director everything of their directorate; a director his
    /// establishments and their needs and constraints; administrators everything.
    /// </summary>
    public static Expression<Func<SearchEntry, bool>> Perimeter(AccessScope scope, bool publicOnly)
    {
        if (publicOnly || !scope.IsSignedIn)
        {
            return e => e.IsPublic;
        }

        if (scope.IsAdministrator)
        {
            return e => true;
        }

        var directorate = scope.IsDirectorateMember ? scope.DirectorateId ?? -1 : -1;
        var own = scope.IsEstablishmentDirector ? scope.EstablishmentIds.ToList() : [];
        return e => e.IsPublic || e.DirectorateId == directorate
            || ((e.Kind == SearchKind.Establishment || e.Kind == SearchKind.Need || e.Kind == SearchKind.Constraint)
                && e.EstablishmentId != null && own.Contains(e.EstablishmentId.Value));
    }

    private sealed record Ranked(SearchEntry Entry, double Score, IReadOnlyList<string> Alternatives);

    private async Task<List<Ranked>> RankAsync(AccessScope scope, string? query, IReadOnlyCollection<SearchKind>? kinds, bool publicOnly, CancellationToken cancellationToken)
    {
        var groups = await PlanAsync(query, cancellationToken);
        if (groups.Count == 0)
        {
            return [];
        }

        var scoped = db.SearchEntries.AsNoTracking().Where(Perimeter(scope, publicOnly));
        if (kinds is { Count: > 0 })
        {
            var wanted = kinds.ToList();
            scoped = scoped.Where(e => wanted.Contains(e.Kind));
        }

        var candidates = await CandidatesAsync(scoped, groups, cancellationToken);
        var alternatives = groups.SelectMany(g => g.Alternatives).ToList();
        var scored = candidates.Select(e => Score(e, groups)).ToList();

        // A result containing every word (or a name of its town) comes before any near spelling; near spellings
        // are shown only when nothing contains the words.
        var exact = scored.Where(s => s.Exact).ToList();
        var kept = exact.Count > 0 ? exact : scored.Where(s => s.Score >= FuzzyThreshold).ToList();
        return kept.OrderByDescending(s => s.Score).ThenByDescending(s => s.Entry.Id)
            .Select(s => new Ranked(s.Entry, s.Score, alternatives)).ToList();
    }

    private static (SearchEntry Entry, double Score, bool Exact) Score(SearchEntry entry, IReadOnlyList<SearchTermGroup> groups)
    {
        var grams = SearchFolding.Trigrams(entry.Folded);
        var title = SearchFolding.Key(entry.TitleFr + " " + entry.TitleAr);
        var exact = true;
        var total = 0.0;
        foreach (var group in groups)
        {
            var best = 0.0;
            foreach (var alternative in group.Alternatives)
            {
                // A word of the title counts more than one of the text; a near spelling counts its share of trigrams.
                var score = title.Contains(alternative, StringComparison.Ordinal) ? 1.5
                    : entry.Folded.Contains(alternative, StringComparison.Ordinal) ? 1.0
                    : SearchFolding.Similarity(alternative, grams) * 0.9;
                best = Math.Max(best, score);
            }

            exact &= best >= 1.0;
            total += best;
        }

        return (entry, total / groups.Count, exact);
    }

    /// <summary>About two hundred characters of the text around its first match, the matches marked.</summary>
    public static IReadOnlyList<ExcerptPart> Excerpt(string text, IReadOnlyList<string> alternatives)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var folded = SearchFolding.Fold(text);
        var spans = new List<(int Start, int End)>();
        foreach (var alternative in alternatives.Where(a => a.Length > 0))
        {
            for (var at = folded.Value.IndexOf(alternative, StringComparison.Ordinal); at >= 0;
                 at = folded.Value.IndexOf(alternative, at + alternative.Length, StringComparison.Ordinal))
            {
                spans.Add((folded.SourceStart[at], folded.SourceEnd[at + alternative.Length - 1]));
            }
        }

        // Whole words are marked, those mostly covered by a match: a match may start or end inside a word (the
        // article of العيون, a variant "El Aaiún" meeting the end of the word before), which would mark half a word.
        var marked = Words(text).Where(w => w.End - w.Start >= SearchFolding.MinimumTermLength
            && 2 * spans.Sum(s => Math.Max(0, Math.Min(s.End, w.End) - Math.Max(s.Start, w.Start))) >= w.End - w.Start).ToList();
        var first = marked.Count > 0 ? marked[0].Start : 0;
        var from = Math.Max(0, first - ExcerptRadius);
        var to = Math.Min(text.Length, first + 2 * ExcerptRadius);
        from = from == 0 ? 0 : WordStart(text, from);
        to = to == text.Length ? to : WordEnd(text, to);
        var parts = new List<ExcerptPart>();
        if (from > 0)
        {
            parts.Add(new ExcerptPart("… ", false));
        }

        var cursor = from;
        foreach (var (start, end) in marked.Where(w => w.Start >= from && w.End <= to))
        {
            if (start > cursor)
            {
                parts.Add(new ExcerptPart(text[cursor..start], false));
            }

            parts.Add(new ExcerptPart(text[start..end], true));
            cursor = end;
        }

        if (cursor < to)
        {
            parts.Add(new ExcerptPart(text[cursor..to], false));
        }

        if (to < text.Length)
        {
            parts.Add(new ExcerptPart(" …", false));
        }

        return parts;
    }

    private static IEnumerable<(int Start, int End)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i);
                start = -1;
            }
        }
    }

    private static int WordStart(string text, int at)
    {
        while (at > 0 && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static int WordEnd(string text, int at)
    {
        while (at < text.Length && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }
}

/// <summary>SQLite: FTS5 with the trigram tokenizer over the folded text (table SearchEntriesFts, kept in step by triggers).</summary>
public sealed class SqliteSearchIndex(AppDbContext db) : SearchIndex(db)
{
    /// <summary>Candidates a near-spelling search ranks by FTS5's bm25 before the perimeter is applied.</summary>
    private const int FuzzyPool = 5000;

    protected override async Task<List<SearchEntry>> CandidatesAsync(IQueryable<SearchEntry> scoped, IReadOnlyList<SearchTermGroup> groups, CancellationToken cancellationToken)
    {
        // Every word, as a substring (a trigram phrase); any name of a town will do.
        var strict = string.Join(" AND ", groups.Select(g => "(" + string.Join(" OR ", g.Alternatives.Select(Quote)) + ")"));
        var matches = Matches(strict);
        var found = await scoped.Where(e => matches.Contains(e.Id)).Take(CandidateLimit).ToListAsync(cancellationToken);
        if (found.Count > 0)
        {
            return found;
        }

        // Nothing contains the words: any of their trigrams, best bm25 first, then ranked by similarity.
        var grams = groups.SelectMany(g => g.Alternatives).SelectMany(SearchFolding.Trigrams).Distinct().ToList();
        if (grams.Count == 0)
        {
            return [];
        }

        var near = Db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS Value FROM SearchEntriesFts WHERE SearchEntriesFts MATCH {0} ORDER BY rank LIMIT {1}",
            string.Join(" OR ", grams.Select(Quote)), FuzzyPool);
        return await scoped.Where(e => near.Contains(e.Id)).Take(CandidateLimit).ToListAsync(cancellationToken);
    }

    private IQueryable<int> Matches(string expression) =>
        Db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM SearchEntriesFts WHERE SearchEntriesFts MATCH {0}", expression);

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// SQL Server: a table of the folded text's trigrams, clustered on the trigram. Candidates share enough of the
/// query's trigrams; the ranking then keeps those containing the words.
/// </summary>
public sealed class SqlServerSearchIndex(AppDbContext db) : SearchIndex(db)
{
    protected override async Task<List<SearchEntry>> CandidatesAsync(IQueryable<SearchEntry> scoped, IReadOnlyList<SearchTermGroup> groups, CancellationToken cancellationToken) =>
        await Query(scoped, groups).ToListAsync(cancellationToken);

    /// <summary>The candidate query (public for the test that shows SQL Server translates it).</summary>
    public IQueryable<SearchEntry> Query(IQueryable<SearchEntry> scoped, IReadOnlyList<SearchTermGroup> groups)
    {
        var grams = groups.SelectMany(g => g.Alternatives).SelectMany(SearchFolding.Trigrams).Distinct().ToList();
        var shortest = groups.SelectMany(g => g.Alternatives).Min(a => SearchFolding.Trigrams(a).Count);
        var needed = Math.Max(1, (int)Math.Ceiling(shortest * FuzzyThreshold));
        var matched = Db.SearchGrams.Where(g => grams.Contains(g.Gram)).GroupBy(g => g.EntryId)
            .Where(g => g.Count() >= needed)
            .OrderByDescending(g => g.Count()).Take(CandidateLimit * 2)
            .Select(g => g.Key);
        return scoped.Where(e => matched.Contains(e.Id)).Take(CandidateLimit);
    }
}
