using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Organisation;

public class Province : EditableEntity
{
    public required string Code { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public List<Establishment> Establishments { get; set; } = [];
}
