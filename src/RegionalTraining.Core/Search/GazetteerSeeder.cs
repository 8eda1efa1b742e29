using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Search;

internal sealed record GazetteerSeed(string NameFr, string NameAr, IReadOnlyList<string>? Variants);

/// <summary>
/// Loads seeds/gazetteer.json at every start: each town's official French and Arabic names and the other ways
/// people write it. The file is the reference (towns are not edited in the portal), so a town's names and
/// variants follow the file, matched by its French name.
/// </summary>
public sealed class GazetteerSeeder(AppDbContext db, ILogger<GazetteerSeeder> logger)
{
    public const string FileName = "gazetteer.json";

    public async Task<int> SeedAsync(string seedsPath, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(seedsPath, FileName);
        if (!File.Exists(file))
        {
            return 0;
        }

        await using var stream = File.OpenRead(file);
        var seeds = await JsonSerializer.DeserializeAsync<List<GazetteerSeed>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken)
            ?? throw new InvalidDataException($"Empty gazetteer {file}");
        var towns = await db.GazetteerTowns.ToDictionaryAsync(t => t.NameFr, cancellationToken);
        var changed = 0;
        foreach (var seed in seeds)
        {
            var variants = string.Join('\n', (seed.Variants ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct());
            if (!towns.TryGetValue(seed.NameFr, out var town))
            {
                db.GazetteerTowns.Add(new GazetteerTown { NameFr = seed.NameFr, NameAr = seed.NameAr, Variants = variants });
                changed++;
            }
            else if (town.NameAr != seed.NameAr || town.Variants != variants)
            {
                town.NameAr = seed.NameAr;
                town.Variants = variants;
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Gazetteer: {TownCount} towns added or updated", changed);
        }

        return changed;
    }
}
