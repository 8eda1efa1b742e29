using System.ComponentModel.DataAnnotations;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Web.ViewModels.Profiles;

public sealed class CampaignForm
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Training year")]
    public int? TrainingYearId { get; set; }

    [Display(Name = "Directorate")]
    public int? DirectorateId { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Date)]
    [Display(Name = "Opening date")]
    public DateOnly? OpensOn { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Date)]
    [Display(Name = "Deadline")]
    public DateOnly? Deadline { get; set; }
}

public sealed record CampaignIndexViewModel(
    IReadOnlyList<CampaignListItem> Campaigns, CampaignForm Form, IReadOnlyList<TrainingYearOption> Years,
    IReadOnlyList<Option> Directorates, bool ChooseDirectorate);

public sealed record CampaignDetailsViewModel(CampaignCompleteness Completeness, IReadOnlyDictionary<int, (string Fr, string Ar)> Provinces)
{
    public static CampaignDetailsViewModel From(CampaignCompleteness completeness) => new(
        completeness,
        completeness.Establishments.GroupBy(e => e.ProvinceId).ToDictionary(g => g.Key, g => (g.First().ProvinceNameFr, g.First().ProvinceNameAr)));
}
