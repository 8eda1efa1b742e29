using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Organisation;

public class Region : EditableEntity
{
    public required string Code { get; set; }

    public int DirectorateId { get; set; }

    public Directorate? Directorate { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public List<Province> Provinces { get; set; } = [];
}
