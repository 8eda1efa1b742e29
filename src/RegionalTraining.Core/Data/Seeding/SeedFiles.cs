using System.Text.Json;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Seeding;

// The shapes of the JSON files in the repository's seeds/ folder (see seeds/README.md).
internal sealed record DirectorateSeed(string Code, string NameFr, string NameAr, string? SeatFr, string? SeatAr);

internal sealed record RegionSeed(string Code, string DirectorateCode, string NameFr, string NameAr);

internal sealed record ProvinceSeed(string Code, string RegionCode, string NameFr, string NameAr);

internal sealed record ComplexSeed(string Code, string DirectorateCode, string NameFr, string NameAr);

internal sealed record EstablishmentSeed(
    string Code,
    EstablishmentType Type,
    string ProvinceCode,
    string? ComplexCode,
    string NameFr,
    string NameAr,
    string? TownFr,
    string? TownAr,
    string? AddressFr,
    string? AddressAr,
    string? Phone,
    string? Email,
    decimal? Latitude,
    decimal? Longitude,
    int? OpeningYear);

internal sealed record CodeSeed(string Code, string NameFr, string NameAr);

internal sealed record ProgrammeSeed(string Code, string SectorCode, TrainingLevel Level, string NameFr, string NameAr, int DurationMonths);

internal sealed record TrainingYearSeed(string Code, int StartYear);

internal static class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(string seedsPath, string relativePath, CancellationToken cancellationToken)
    {
        var path = Path.Combine(seedsPath, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed file {relativePath} is missing under {seedsPath}.", path);
        }

        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<List<T>>(stream, Json, cancellationToken) ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Seed file {relativePath} is not valid: {ex.Message}", ex);
        }
    }
}
