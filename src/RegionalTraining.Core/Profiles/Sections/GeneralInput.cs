using System.ComponentModel.DataAnnotations;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>The general section: contact details and the site. Everything carries over to a new year.</summary>
[StoredAs(typeof(EstablishmentProfile))]
public sealed record GeneralInput : ISectionInput
{
    public static ProfileSection Section => ProfileSection.General;

    [StringLength(FieldLengths.Address, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Address in French")]
    public string? AddressFr { get; init; }

    [StringLength(FieldLengths.Address, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Address in Arabic")]
    public string? AddressAr { get; init; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [RegularExpression(@"^[0-9+ ().-]{6,32}$", ErrorMessage = "Enter a phone number with digits, spaces, + or dashes.")]
    [Display(Name = "Phone")]
    public string? Phone { get; init; }

    [StringLength(FieldLengths.Email, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string? Email { get; init; }

    [Range(1950, 2100, ErrorMessage = "The year must be between {1} and {2}.")]
    [Display(Name = "Opening year")]
    public int? OpeningYear { get; init; }

    [Range(0, SectionLimits.Area, ErrorMessage = "The number must be between {1} and {2}.")]
    [Display(Name = "Site area (m²)")]
    public int? SiteAreaSquareMetres { get; init; }

    [Display(Name = "Canteen")]
    public bool? HasCanteen { get; init; }

    [Display(Name = "State of the buildings")]
    public BuildingCondition? BuildingCondition { get; init; }

    public static GeneralInput From(EstablishmentProfile p) => new()
    {
        AddressFr = p.AddressFr, AddressAr = p.AddressAr, Phone = p.Phone, Email = p.Email, OpeningYear = p.OpeningYear,
        SiteAreaSquareMetres = p.SiteAreaSquareMetres, HasCanteen = p.HasCanteen, BuildingCondition = p.BuildingCondition,
    };

    public void ApplyTo(EstablishmentProfile p)
    {
        p.AddressFr = AddressFr?.Trim();
        p.AddressAr = AddressAr?.Trim();
        p.Phone = Phone?.Trim();
        p.Email = Email?.Trim();
        p.OpeningYear = OpeningYear;
        p.SiteAreaSquareMetres = SiteAreaSquareMetres;
        p.HasCanteen = HasCanteen;
        p.BuildingCondition = BuildingCondition;
    }

    /// <summary>The site does not change with the year: all of it carries over.</summary>
    public GeneralInput ForNewYear() => this;

    public bool IsEmpty => OpeningYear is null && SiteAreaSquareMetres is null && BuildingCondition is null && HasCanteen is null;
}

/// <summary>Upper bounds of the counts of a sheet: far above any real establishment, below what overflows a sum.</summary>
public static class SectionLimits
{
    public const int Count = 1_000_000;

    public const int Area = 10_000_000;
}
