using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Organisation;

public enum TrainingLevel
{
    Specialisation = 1,
    Qualification = 2,
    Technician = 3,
    SpecialisedTechnician = 4,
}

/// <summary>A filière at a level, from the national catalogue.</summary>
public class Programme : EditableEntity
{
    public required string Code { get; set; }

    public int SectorId { get; set; }

    public Sector? Sector { get; set; }

    public TrainingLevel Level { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public int DurationMonths { get; set; }

    public bool IsActive { get; set; } = true;

    public string SearchKey { get; private set; } = string.Empty;

    public void RefreshSearchKey() => SearchKey = Bilingual.Normalise(string.Join(' ', Code, NameFr, NameAr));
}
