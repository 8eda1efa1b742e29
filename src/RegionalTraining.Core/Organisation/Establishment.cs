using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Organisation;

public enum EstablishmentType
{
    ISTA = 1,
    ITA = 2,
    CFP = 3,
    CQP = 4,
    CMC = 5,
}

/// <summary>A vocational-training establishment. Its directorate is the one of its province's region.</summary>
public class Establishment : EditableEntity
{
    public required string Code { get; set; }

    public EstablishmentType Type { get; set; }

    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    public int? ComplexId { get; set; }

    public Complex? Complex { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public string? TownFr { get; set; }

    public string? TownAr { get; set; }

    public string? AddressFr { get; set; }

    public string? AddressAr { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public decimal? Latitude { get; set; }

    public decimal? Longitude { get; set; }

    public int? OpeningYear { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Folded names, town and code (see <see cref="Bilingual.Normalise"/>), so one column answers searches in either language.</summary>
    public string SearchKey { get; private set; } = string.Empty;

    public void RefreshSearchKey() =>
        SearchKey = Bilingual.Normalise(string.Join(' ', Code, NameFr, NameAr, TownFr, TownAr));
}
