using System.ComponentModel.DataAnnotations;
using RegionalTraining.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.ViewModels.Organisation;

public sealed record EstablishmentIndexViewModel(
    PagedResult<EstablishmentListItem> Result,
    IReadOnlyList<Option> Provinces,
    int? ProvinceId,
    EstablishmentType? Type,
    string? Search,
    bool CanCreate)
{
    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, "Index", new Dictionary<string, string?>
    {
        ["province"] = ProvinceId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["type"] = Type?.ToString(),
        ["q"] = Search,
    });
}

public sealed record EstablishmentDetailsViewModel(
    EstablishmentDetails Establishment, bool CanEdit, IReadOnlyList<RegionalTraining.Core.Profiles.ProfileYear> Profiles,
    IReadOnlyList<RegionalTraining.Core.NeedsAndConstraints.RegisterRow> Items);

/// <summary>The establishment form. Structural fields are shown read-only to non-administrators and ignored on save.</summary>
[StoredAs(typeof(Establishment))]
public sealed class EstablishmentFormViewModel
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Code, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Use letters, digits and dashes only.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Type")]
    public EstablishmentType? Type { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Province")]
    public int? ProvinceId { get; set; }

    [Display(Name = "Complex")]
    public int? ComplexId { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name in French")]
    public string NameFr { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name in Arabic")]
    public string NameAr { get; set; } = string.Empty;

    [StringLength(FieldLengths.Town, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Town in French")]
    public string? TownFr { get; set; }

    [StringLength(FieldLengths.Town, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Town in Arabic")]
    public string? TownAr { get; set; }

    [StringLength(FieldLengths.Address, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Address in French")]
    public string? AddressFr { get; set; }

    [StringLength(FieldLengths.Address, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Address in Arabic")]
    public string? AddressAr { get; set; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [RegularExpression(@"^[0-9+ ().-]{6,32}$", ErrorMessage = "Enter a phone number with digits, spaces, + or dashes.")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [StringLength(FieldLengths.Email, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [Range(typeof(decimal), "20", "36", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The latitude must be between {1} and {2} (Morocco).")]
    [Display(Name = "Latitude")]
    public decimal? Latitude { get; set; }

    [Range(typeof(decimal), "-18", "-1", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The longitude must be between {1} and {2} (Morocco).")]
    [Display(Name = "Longitude")]
    public decimal? Longitude { get; set; }

    [Range(1950, 2100, ErrorMessage = "The year must be between {1} and {2}.")]
    [Display(Name = "Opening year")]
    public int? OpeningYear { get; set; }

    [Display(Name = "Active")]
    public bool IsActive { get; set; } = true;

    /// <summary>The concurrency token the form was opened with (base64).</summary>
    [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    public string? RowVersion { get; set; }

    [BindNever]
    public bool CanEditStructure { get; set; }

    [BindNever]
    public IReadOnlyList<Option> Provinces { get; set; } = [];

    [BindNever]
    public IReadOnlyList<Option> Complexes { get; set; } = [];

    /// <summary>After a refused stale save: the values now stored, for the fields that differ from what was typed.</summary>
    [BindNever]
    public IReadOnlyDictionary<string, string?> CurrentValues { get; set; } = new Dictionary<string, string?>();

    public static EstablishmentFormViewModel From(EstablishmentDetails e) => new()
    {
        Id = e.Id, Code = e.Code, Type = e.Type, ProvinceId = e.ProvinceId, ComplexId = e.ComplexId,
        NameFr = e.NameFr, NameAr = e.NameAr, TownFr = e.TownFr, TownAr = e.TownAr,
        AddressFr = e.AddressFr, AddressAr = e.AddressAr, Phone = e.Phone, Email = e.Email,
        Latitude = e.Latitude, Longitude = e.Longitude, OpeningYear = e.OpeningYear, IsActive = e.IsActive,
        RowVersion = FormTokens.Encode(e.RowVersion),
    };

    public EstablishmentUpdate ToUpdate() => new(
        Code, Type ?? default, ProvinceId ?? 0, ComplexId, NameFr, NameAr, TownFr, TownAr, AddressFr, AddressAr,
        Phone, Email, Latitude, Longitude, OpeningYear, IsActive);

    /// <summary>The fields only administrators change.</summary>
    public static readonly string[] StructureFields = [nameof(Code), nameof(Type), nameof(ProvinceId), nameof(ComplexId), nameof(NameFr), nameof(NameAr), nameof(IsActive)];

    /// <summary>
    /// The structure as stored, whatever the form said about it, and no binding error on it: a non-administrator's
    /// form does not decide the structure.
    /// </summary>
    public void KeepStructureOf(EstablishmentFormViewModel stored, ModelStateDictionary modelState)
    {
        foreach (var key in StructureFields)
        {
            modelState.Remove(key);
        }

        Code = stored.Code;
        Type = stored.Type;
        ProvinceId = stored.ProvinceId;
        ComplexId = stored.ComplexId;
        NameFr = stored.NameFr;
        NameAr = stored.NameAr;
        IsActive = stored.IsActive;
    }

    /// <summary>The choices the form offers, and whether the structure fields are open to the user.</summary>
    public EstablishmentFormViewModel WithOptions(bool canEditStructure, IReadOnlyList<Option> provinces, IReadOnlyList<Option> complexes)
    {
        CanEditStructure = canEditStructure;
        Provinces = provinces;
        Complexes = complexes;
        return this;
    }

    /// <summary>After a refused stale save: what the user typed, the value now saved under each field that differs, and the new token.</summary>
    public EstablishmentFormViewModel ShowingStored(EstablishmentDetails? stored)
    {
        if (stored is not null)
        {
            var current = From(stored);
            CurrentValues = Differences(this, current);
            RowVersion = current.RowVersion;
        }

        return this;
    }

    /// <summary>Fields whose stored value differs from what the user typed (used after a conflict).</summary>
    public static Dictionary<string, string?> Differences(EstablishmentFormViewModel typed, EstablishmentFormViewModel stored)
    {
        var differences = new Dictionary<string, string?>();
        void Compare(string name, object? mine, object? theirs)
        {
            if (!Equals(mine ?? string.Empty, theirs ?? string.Empty))
            {
                differences[name] = theirs?.ToString();
            }
        }

        Compare(nameof(NameFr), typed.NameFr, stored.NameFr);
        Compare(nameof(NameAr), typed.NameAr, stored.NameAr);
        Compare(nameof(TownFr), typed.TownFr, stored.TownFr);
        Compare(nameof(TownAr), typed.TownAr, stored.TownAr);
        Compare(nameof(AddressFr), typed.AddressFr, stored.AddressFr);
        Compare(nameof(AddressAr), typed.AddressAr, stored.AddressAr);
        Compare(nameof(Phone), typed.Phone, stored.Phone);
        Compare(nameof(Email), typed.Email, stored.Email);
        Compare(nameof(Latitude), typed.Latitude, stored.Latitude);
        Compare(nameof(Longitude), typed.Longitude, stored.Longitude);
        Compare(nameof(OpeningYear), typed.OpeningYear, stored.OpeningYear);
        return differences;
    }
}
