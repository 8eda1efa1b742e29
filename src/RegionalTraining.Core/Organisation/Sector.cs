using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Organisation;

public class Sector : EditableEntity
{
    public required string Code { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public List<Programme> Programmes { get; set; } = [];
}
