using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Search;

/// <summary>A town as the gazetteer knows it.</summary>
public sealed record GazetteerEntry(string NameFr, string NameAr, IReadOnlyList<string> Variants);

/// <summary>The towns of seeds/gazetteer.json, for an establishment's page.</summary>
public interface IGazetteer
{
    /// <summary>The town written <paramref name="townFr"/> or <paramref name="townAr"/> in any of its spellings, or null.</summary>
    Task<GazetteerEntry?> FindAsync(string? townFr, string? townAr, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class Gazetteer(AppDbContext db) : IGazetteer
{
    public async Task<GazetteerEntry?> FindAsync(string? townFr, string? townAr, CancellationToken cancellationToken = default)
    {
        var keys = new[] { townFr, townAr }.Select(SearchFolding.JoinedKey).Where(k => k.Length > 0).ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        // A few dozen towns per directorate: folded here rather than stored.
        var towns = await db.GazetteerTowns.AsNoTracking().ToListAsync(cancellationToken);
        var town = towns.FirstOrDefault(t => t.Names.Any(n => keys.Contains(SearchFolding.JoinedKey(n))));
        return town is null ? null
            : new GazetteerEntry(town.NameFr, town.NameAr, town.Names.Skip(2).ToList());
    }
}
