using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Profiles;

/// <summary>A directorate's call for the profiles of one training year, with an opening date and a deadline.</summary>
public class CollectionCampaign : EditableEntity
{
    public int DirectorateId { get; set; }

    public Directorate? Directorate { get; set; }

    public int TrainingYearId { get; set; }

    public TrainingYear? TrainingYear { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly Deadline { get; set; }

    public bool IsOpenOn(DateOnly day) => day >= OpensOn;

    public bool IsLateOn(DateOnly day) => day > Deadline;
}
