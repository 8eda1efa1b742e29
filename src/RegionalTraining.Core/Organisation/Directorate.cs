using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Organisation;

/// <summary>A regional directorate of the office; every record of the portal belongs to one.</summary>
public class Directorate : EditableEntity
{
    public required string Code { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public string? SeatFr { get; set; }

    public string? SeatAr { get; set; }

    public List<Region> Regions { get; set; } = [];

    public List<Complex> Complexes { get; set; } = [];
}
