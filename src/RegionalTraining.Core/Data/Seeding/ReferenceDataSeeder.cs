using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Seeding;

/// <summary>
/// Loads the reference data of the seeds/ folder. Idempotent: a row whose code already exists is left as it is
/// (administrators may have corrected it since), so a second start adds nothing.
/// </summary>
public sealed class ReferenceDataSeeder(AppDbContext db, ILogger<ReferenceDataSeeder> logger)
{
    public async Task<int> SeedAsync(string seedsPath, CancellationToken cancellationToken = default)
    {
        var added = 0;
        added += await SeedDirectoratesAsync(seedsPath, cancellationToken);
        added += await SeedRegionsAsync(seedsPath, cancellationToken);
        added += await SeedProvincesAsync(seedsPath, cancellationToken);
        added += await SeedComplexesAsync(seedsPath, cancellationToken);
        added += await SeedEstablishmentsAsync(seedsPath, cancellationToken);
        added += await SeedSectorsAsync(seedsPath, cancellationToken);
        added += await SeedProgrammesAsync(seedsPath, cancellationToken);
        added += await SeedTrainingYearsAsync(seedsPath, cancellationToken);
        await ValidateCodeListsAsync(seedsPath, cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Seeded {RowCount} reference rows from {SeedsPath}", added, seedsPath);
        }

        return added;
    }

    private async Task<int> SeedDirectoratesAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<DirectorateSeed>(path, "organisation/directorates.json", ct);
        var existing = await db.Directorates.Select(d => d.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        db.Directorates.AddRange(missing.Select(s => new Directorate
        {
            Code = s.Code, NameFr = s.NameFr, NameAr = s.NameAr, SeatFr = s.SeatFr, SeatAr = s.SeatAr,
        }));
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> SeedRegionsAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<RegionSeed>(path, "organisation/regions.json", ct);
        var directorates = await db.Directorates.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var existing = await db.Regions.Select(r => r.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        db.Regions.AddRange(missing.Select(s => new Region
        {
            Code = s.Code, NameFr = s.NameFr, NameAr = s.NameAr,
            DirectorateId = Resolve(directorates, s.DirectorateCode, "region", s.Code),
        }));
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> SeedProvincesAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<ProvinceSeed>(path, "organisation/provinces.json", ct);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var existing = await db.Provinces.Select(p => p.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        db.Provinces.AddRange(missing.Select(s => new Province
        {
            Code = s.Code, NameFr = s.NameFr, NameAr = s.NameAr,
            RegionId = Resolve(regions, s.RegionCode, "province", s.Code),
        }));
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> SeedComplexesAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<ComplexSeed>(path, "organisation/complexes.json", ct);
        var directorates = await db.Directorates.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var existing = await db.Complexes.Select(c => c.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        db.Complexes.AddRange(missing.Select(s => new Complex
        {
            Code = s.Code, NameFr = s.NameFr, NameAr = s.NameAr,
            DirectorateId = Resolve(directorates, s.DirectorateCode, "complex", s.Code),
        }));
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> SeedEstablishmentsAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<EstablishmentSeed>(path, "organisation/establishments.json", ct);
        var provinces = await db.Provinces.ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var complexes = await db.Complexes.ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var existing = await db.Establishments.Select(e => e.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        foreach (var s in missing)
        {
            var establishment = new Establishment
            {
                Code = s.Code, Type = s.Type, NameFr = s.NameFr, NameAr = s.NameAr,
                ProvinceId = Resolve(provinces, s.ProvinceCode, "establishment", s.Code),
                ComplexId = s.ComplexCode is null ? null : Resolve(complexes, s.ComplexCode, "establishment", s.Code),
                TownFr = s.TownFr, TownAr = s.TownAr, AddressFr = s.AddressFr, AddressAr = s.AddressAr,
                Phone = s.Phone, Email = s.Email, Latitude = s.Latitude, Longitude = s.Longitude,
                OpeningYear = s.OpeningYear,
            };
            establishment.RefreshSearchKey();
            db.Establishments.Add(establishment);
        }

        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> SeedSectorsAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<CodeSeed>(path, "catalogue/sectors.json", ct);
        var existing = await db.Sectors.Select(s => s.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        db.Sectors.AddRange(missing.Select(s => new Sector { Code = s.Code, NameFr = s.NameFr, NameAr = s.NameAr }));
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> SeedProgrammesAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<ProgrammeSeed>(path, "catalogue/programmes.json", ct);
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var existing = await db.Programmes.Select(p => p.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        foreach (var s in missing)
        {
            var programme = new Programme
            {
                Code = s.Code, NameFr = s.NameFr, NameAr = s.NameAr, Level = s.Level, DurationMonths = s.DurationMonths,
                SectorId = Resolve(sectors, s.SectorCode, "programme", s.Code),
            };
            programme.RefreshSearchKey();
            db.Programmes.Add(programme);
        }

        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> SeedTrainingYearsAsync(string path, CancellationToken ct)
    {
        var seeds = await SeedFiles.ReadAsync<TrainingYearSeed>(path, "organisation/training-years.json", ct);
        var existing = await db.TrainingYears.Select(y => y.StartYear).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.StartYear)).ToList();
        foreach (var s in missing)
        {
            if (TrainingYear.ParseCode(s.Code) != s.StartYear)
            {
                throw new InvalidDataException($"Training year {s.Code} does not start in {s.StartYear}.");
            }

            db.TrainingYears.Add(new TrainingYear { Code = s.Code, StartYear = s.StartYear });
        }

        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    /// <summary>The type and level lists name the codes the enums know; a mismatch means code and data drifted.</summary>
    private static async Task ValidateCodeListsAsync(string path, CancellationToken ct)
    {
        var types = await SeedFiles.ReadAsync<CodeSeed>(path, "catalogue/establishment-types.json", ct);
        var levels = await SeedFiles.ReadAsync<CodeSeed>(path, "catalogue/training-levels.json", ct);
        var unknownType = types.FirstOrDefault(t => !Enum.TryParse<EstablishmentType>(t.Code, out _));
        var unknownLevel = levels.FirstOrDefault(l => !Enum.TryParse<TrainingLevel>(l.Code, out _));
        if (unknownType is not null || unknownLevel is not null)
        {
            throw new InvalidDataException(
                $"Seed code {(unknownType?.Code ?? unknownLevel?.Code)} has no matching value in the code.");
        }
    }

    private static int Resolve(Dictionary<string, int> ids, string code, string what, string owner) =>
        ids.TryGetValue(code, out var id)
            ? id
            : throw new InvalidDataException($"Seed {what} {owner} refers to unknown code {code}.");
}
