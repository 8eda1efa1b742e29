using System.ComponentModel.DataAnnotations;
using RegionalTraining.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.ViewModels.Organisation;

public sealed record ProvinceIndexViewModel(IReadOnlyList<ProvinceListItem> Provinces, bool CanEdit);

[StoredAs(typeof(Province))]
public sealed class ProvinceFormViewModel
{
    public int Id { get; set; }

    /// <summary>The id from the address and the stored code are kept, whatever the post says: the code is not edited here.</summary>
    public void KeepStored(int id, string code)
    {
        Id = id;
        Code = code;
    }

    [StringLength(FieldLengths.Code, ErrorMessage = "The {0} field must have at most {1} characters.")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name in French")]
    public string NameFr { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name in Arabic")]
    public string NameAr { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Region")]
    public int? RegionId { get; set; }

    [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    public string? RowVersion { get; set; }

    [BindNever]
    public IReadOnlyList<Option> Regions { get; set; } = [];

    public static ProvinceFormViewModel From(ProvinceDetails p) => new()
    {
        Id = p.Id, Code = p.Code, NameFr = p.NameFr, NameAr = p.NameAr, RegionId = p.RegionId, RowVersion = FormTokens.Encode(p.RowVersion),
    };

    /// <summary>After a conflict the form carries the stored token: the next save is a deliberate overwrite.</summary>
    public ProvinceFormViewModel WithToken(byte[]? storedToken)
    {
        RowVersion = storedToken is null ? RowVersion : FormTokens.Encode(storedToken);
        return this;
    }
}

public sealed record ProgrammeIndexViewModel(
    PagedResult<ProgrammeListItem> Result, IReadOnlyList<Option> Sectors, int? SectorId, TrainingLevel? Level, string? Search, bool CanEdit)
{
    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, "Index", new Dictionary<string, string?>
    {
        ["sector"] = SectorId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["level"] = Level?.ToString(),
        ["q"] = Search,
    });
}

[StoredAs(typeof(Programme))]
public sealed class ProgrammeFormViewModel
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Code, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Use letters, digits and dashes only.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Sector")]
    public int? SectorId { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Level")]
    public TrainingLevel? Level { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name in French")]
    public string NameFr { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name in Arabic")]
    public string NameAr { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Range(1, 60, ErrorMessage = "The duration must be between {1} and {2} months.")]
    [Display(Name = "Duration in months")]
    public int? DurationMonths { get; set; }

    [Display(Name = "Active")]
    public bool IsActive { get; set; } = true;

    [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    public string? RowVersion { get; set; }

    [BindNever]
    public IReadOnlyList<Option> Sectors { get; set; } = [];

    public static ProgrammeFormViewModel From(ProgrammeDetails programme)
    {
        var v = programme.Values;
        return new()
        {
            Id = programme.Id, Code = v.Code, SectorId = v.SectorId, Level = v.Level, NameFr = v.NameFr, NameAr = v.NameAr,
            DurationMonths = v.DurationMonths, IsActive = v.IsActive, RowVersion = FormTokens.Encode(programme.RowVersion),
        };
    }

    public ProgrammeInput ToInput() => new(Code, SectorId ?? 0, Level ?? default, NameFr, NameAr, DurationMonths ?? 0, IsActive);
}
