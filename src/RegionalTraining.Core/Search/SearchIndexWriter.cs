using Markdig;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Archive;

namespace RegionalTraining.Core.Search;

/// <summary>An indexed thing: its kind and its id.</summary>
public readonly record struct SearchDocumentKey(SearchKind Kind, int EntityId);

/// <summary>
/// Writes the index rows of meetings, establishments, decisions, needs and constraints from their tables: the
/// entries of SQLite's FTS5 table follow through triggers, SQL Server's grams are written here. Called by
/// <see cref="SearchIndexInterceptor"/> after every save that touches an indexed thing, and at start when the
/// index is empty.
/// </summary>
public sealed class SearchIndexWriter(AppDbContext db)
{
    private const int Batch = 500;
    private const string Separator = " · ";

    /// <summary>Replaces the rows of <paramref name="keys"/> with what the tables hold now (none for a deleted thing).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<SearchDocumentKey> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var all = keys.ToHashSet();
        var meetings = all.Where(k => k.Kind == SearchKind.Meeting).Select(k => (int?)k.EntityId).ToList();
        if (meetings.Count > 0)
        {
            // A deleted meeting takes its decisions with it: their rows go too (the others are written again).
            all.UnionWith((await db.SearchEntries.Where(e => e.Kind == SearchKind.Decision && meetings.Contains(e.ParentId))
                .Select(e => e.EntityId).ToListAsync(cancellationToken)).Select(id => new SearchDocumentKey(SearchKind.Decision, id)));
        }

        foreach (var group in all.GroupBy(k => k.Kind))
        {
            foreach (var chunk in group.Select(k => k.EntityId).Chunk(Batch))
            {
                await ReplaceAsync(group.Key, chunk, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Deletes the rows of <paramref name="ids"/> and writes them again from the tables. Two saves touching the same
    /// thing at once (an agenda item and an intervention of one meeting) both refresh its row: when the other's row
    /// lands between this delete and this insert, the unique key (kind, id) refuses this one. The row is then
    /// replaced again, built anew from the tables, which hold both saves by now: the index is never older than the
    /// last save, and the save that called this (already committed) does not fail for it.
    /// </summary>
    private async Task ReplaceAsync(SearchKind kind, int[] ids, CancellationToken cancellationToken)
    {
        // A few times at most: each lost race means another save wrote the row meanwhile; endless losing is a fault.
        for (var attempt = 1; ; attempt++)
        {
            await db.SearchEntries.Where(e => e.Kind == kind && ids.Contains(e.EntityId)).ExecuteDeleteAsync(cancellationToken);
            try
            {
                await AddAsync(await BuildAsync(kind, ids, cancellationToken), cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (exception.Wrote<SearchEntry>() && attempt < 5)
            {
                ForgetIndexRows();
            }
        }
    }

    /// <summary>Indexes everything again (the first start after the migration, or an emptied index).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await db.SearchEntries.ExecuteDeleteAsync(cancellationToken);
        var count = 0;
        foreach (var kind in Enum.GetValues<SearchKind>())
        {
            var ids = await IdsAsync(kind).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(Batch))
            {
                var entries = await BuildAsync(kind, chunk, cancellationToken);
                await AddAsync(entries, cancellationToken);
                count += entries.Count;
            }
        }

        return count;
    }

    private IQueryable<int> IdsAsync(SearchKind kind) => kind switch
    {
        SearchKind.Meeting => db.Meetings.Select(m => m.Id),
        SearchKind.Establishment => db.Establishments.Select(e => e.Id),
        SearchKind.Decision => db.Decisions.Select(d => d.Id),
        SearchKind.Need => db.Needs.Select(n => n.Id),
        _ => db.Constraints.Select(c => c.Id),
    };

    private async Task AddAsync(List<SearchEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        foreach (var entry in entries)
        {
            entry.Folded = SearchFolding.Key(string.Join(' ', entry.TitleFr, entry.TitleAr, entry.Text));
        }

        db.SearchEntries.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        if (db.IsSqlServer)
        {
            db.SearchGrams.AddRange(entries.SelectMany(e => SearchFolding.Trigrams(e.Folded).Select(g => new SearchGram { Gram = g, EntryId = e.Id })));
            await db.SaveChangesAsync(cancellationToken);
        }

        // The index rows are not read back through this context: keep the tracker small for the next batch.
        ForgetIndexRows();
    }

    /// <summary>Detaches the index rows only: this runs inside the caller's save, whose own entities stay tracked.</summary>
    private void ForgetIndexRows()
    {
        foreach (var tracked in db.ChangeTracker.Entries().Where(t => t.Entity is SearchEntry or SearchGram).ToList())
        {
            tracked.State = EntityState.Detached;
        }
    }

    private Task<List<SearchEntry>> BuildAsync(SearchKind kind, int[] ids, CancellationToken cancellationToken) => kind switch
    {
        SearchKind.Meeting => MeetingsAsync(ids, cancellationToken),
        SearchKind.Establishment => EstablishmentsAsync(ids, cancellationToken),
        SearchKind.Decision => DecisionsAsync(ids, cancellationToken),
        SearchKind.Need => NeedsAsync(ids, cancellationToken),
        _ => ConstraintsAsync(ids, cancellationToken),
    };

    private async Task<List<SearchEntry>> MeetingsAsync(int[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new
        {
            m.Id, m.DirectorateId, m.VenueEstablishmentId, m.Slug, m.TitleFr, m.TitleAr, m.VenueTextFr, m.VenueTextAr, m.ChairNameFr, m.ChairNameAr,
            VenueFr = m.VenueEstablishment != null ? m.VenueEstablishment.NameFr : null,
            VenueAr = m.VenueEstablishment != null ? m.VenueEstablishment.NameAr : null,
            TownFr = m.VenueEstablishment != null ? m.VenueEstablishment.TownFr : null,
            TownAr = m.VenueEstablishment != null ? m.VenueEstablishment.TownAr : null,
            Published = m.Summary != null && m.Summary.Status == SummaryStatus.Published,
            BodyFr = m.Summary != null ? m.Summary.BodyFr : null,
            BodyAr = m.Summary != null ? m.Summary.BodyAr : null,
            PressFr = m.Summary != null ? m.Summary.PressStatementFr : null,
            PressAr = m.Summary != null ? m.Summary.PressStatementAr : null,
            Agenda = m.Agenda.OrderBy(a => a.Position).Select(a => new { a.TitleFr, a.TitleAr, a.SpeakerFr, a.SpeakerAr }).ToList(),
            Interventions = m.Interventions.OrderBy(i => i.Position).Select(i => new { i.SpeakerFr, i.SpeakerAr, i.RoleFr, i.RoleAr, i.SummaryFr, i.SummaryAr }).ToList(),
        }).AsSplitQuery().ToListAsync(cancellationToken);
        return rows.Select(m => new SearchEntry
        {
            Kind = SearchKind.Meeting, EntityId = m.Id, DirectorateId = m.DirectorateId, EstablishmentId = m.VenueEstablishmentId,
            IsPublic = m.Published, Slug = m.Published ? m.Slug : null, TitleFr = m.TitleFr, TitleAr = m.TitleAr,
            Text = Join(
            [
                m.VenueFr, m.VenueAr, m.TownFr, m.TownAr, m.VenueTextFr, m.VenueTextAr, m.ChairNameFr, m.ChairNameAr, Plain(m.BodyFr), Plain(m.BodyAr), m.PressFr, m.PressAr,
                .. m.Agenda.SelectMany(a => new[] { a.TitleFr, a.TitleAr, a.SpeakerFr, a.SpeakerAr }),
                .. m.Interventions.SelectMany(i => new[] { i.SpeakerFr, i.SpeakerAr, i.RoleFr, i.RoleAr, i.SummaryFr, i.SummaryAr }),
            ]),
        }).ToList();
    }

    private async Task<List<SearchEntry>> EstablishmentsAsync(int[] ids, CancellationToken cancellationToken) =>
        (await db.Establishments.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new
        {
            e.Id, e.Code, e.NameFr, e.NameAr, e.TownFr, e.TownAr, e.AddressFr, e.AddressAr,
            e.Province!.Region!.DirectorateId, ProvinceFr = e.Province.NameFr, ProvinceAr = e.Province.NameAr,
        }).ToListAsync(cancellationToken)).Select(e => new SearchEntry
        {
            Kind = SearchKind.Establishment, EntityId = e.Id, DirectorateId = e.DirectorateId, EstablishmentId = e.Id,
            TitleFr = e.NameFr, TitleAr = e.NameAr,
            Text = Join([e.Code, e.TownFr, e.TownAr, e.ProvinceFr, e.ProvinceAr, e.AddressFr, e.AddressAr]),
        }).ToList();

    private async Task<List<SearchEntry>> DecisionsAsync(int[] ids, CancellationToken cancellationToken) =>
        (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new
        {
            d.Id, d.MeetingId, d.Meeting!.DirectorateId, d.OwnerEstablishmentId, d.TextFr, d.TextAr, d.OwnerPartner,
            d.Meeting.TitleFr, d.Meeting.TitleAr,
            OwnerFr = d.OwnerEstablishment != null ? d.OwnerEstablishment.NameFr : null,
            OwnerAr = d.OwnerEstablishment != null ? d.OwnerEstablishment.NameAr : null,
        }).ToListAsync(cancellationToken)).Select(d => new SearchEntry
        {
            Kind = SearchKind.Decision, EntityId = d.Id, ParentId = d.MeetingId, DirectorateId = d.DirectorateId,
            EstablishmentId = d.OwnerEstablishmentId, TitleFr = d.TitleFr, TitleAr = d.TitleAr,
            Text = Join([d.TextFr, d.TextAr, d.OwnerPartner, d.OwnerFr, d.OwnerAr]),
        }).ToList();

    private async Task<List<SearchEntry>> NeedsAsync(int[] ids, CancellationToken cancellationToken) =>
        (await db.Needs.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new
        {
            n.Id, n.ProfileId, n.EstablishmentId, n.Establishment!.Province!.Region!.DirectorateId, n.Description,
            n.Establishment.NameFr, n.Establishment.NameAr,
        }).ToListAsync(cancellationToken)).Select(n => new SearchEntry
        {
            Kind = SearchKind.Need, EntityId = n.Id, ParentId = n.ProfileId, DirectorateId = n.DirectorateId, EstablishmentId = n.EstablishmentId,
            TitleFr = n.NameFr, TitleAr = n.NameAr, Text = n.Description,
        }).ToList();

    private async Task<List<SearchEntry>> ConstraintsAsync(int[] ids, CancellationToken cancellationToken) =>
        (await db.Constraints.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new
        {
            c.Id, c.ProfileId, c.EstablishmentId, c.Establishment!.Province!.Region!.DirectorateId, c.Description, c.EffectOnTraining, c.ProposedSolution,
            c.Establishment.NameFr, c.Establishment.NameAr,
        }).ToListAsync(cancellationToken)).Select(c => new SearchEntry
        {
            Kind = SearchKind.Constraint, EntityId = c.Id, ParentId = c.ProfileId, DirectorateId = c.DirectorateId, EstablishmentId = c.EstablishmentId,
            TitleFr = c.NameFr, TitleAr = c.NameAr, Text = Join([c.Description, c.EffectOnTraining, c.ProposedSolution]),
        }).ToList();

    private static string Join(IEnumerable<string?> parts) => string.Join(Separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    private static string? Plain(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? null
        : string.Join(' ', Markdown.ToPlainText(markdown, MinutesExcerpt.Pipeline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
