using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Organisation;

/// <summary>Several establishments run by one director (e.g. the Sidi Ifni/Mirleft complex).</summary>
public class Complex : EditableEntity
{
    public required string Code { get; set; }

    public int DirectorateId { get; set; }

    public Directorate? Directorate { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public List<Establishment> Establishments { get; set; } = [];
}
