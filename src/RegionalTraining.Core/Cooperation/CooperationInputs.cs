using System.ComponentModel.DataAnnotations;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Cooperation;

/// <summary>Limits of the cooperation board's own fields (the others are <see cref="FieldLengths"/>).</summary>
public static class CooperationLengths
{
    /// <summary>What an offer's quantity counts: "places", "heures de formation", "véhicules".</summary>
    public const int Unit = 50;

    /// <summary>Contacts a partner form holds at most.</summary>
    public const int Contacts = 5;
}

/// <summary>A partner as its form posts it. <see cref="DirectorateId"/> is read for administrators only.</summary>
[StoredAs(typeof(Partner))]
public sealed record PartnerInput
{
    [Display(Name = "Kind")]
    public PartnerKind Kind { get; init; } = PartnerKind.Company;

    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name (French)")]
    public string? NameFr { get; init; }

    [StringLength(FieldLengths.Name, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name (Arabic)")]
    public string? NameAr { get; init; }

    [Display(Name = "Province")]
    public int? ProvinceId { get; init; }

    [Display(Name = "Directorate")]
    public int? DirectorateId { get; init; }

    public List<ContactInput> Contacts { get; init; } = [];

    /// <summary>The contact rows with something typed in them; blank rows of the form are dropped.</summary>
    public IReadOnlyList<ContactInput> Kept => Contacts.Where(c => !c.IsBlank).ToList();
}

[StoredAs(typeof(PartnerContact))]
public sealed record ContactInput
{
    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Name")]
    public string? Name { get; init; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Role")]
    public string? Role { get; init; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Phone")]
    public string? Phone { get; init; }

    [StringLength(FieldLengths.Email, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string? Email { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}

/// <summary>An offer as its form posts it.</summary>
[StoredAs(typeof(Offer))]
public sealed record OfferInput
{
    [Display(Name = "Kind")]
    public OfferKind Kind { get; init; } = OfferKind.Equipment;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Description")]
    public string? Description { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "The number must be between {1} and {2}.")]
    [Display(Name = "Quantity")]
    public int? Quantity { get; init; }

    [StringLength(CooperationLengths.Unit, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Unit")]
    public string? Unit { get; init; }

    [Range(typeof(decimal), "0", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The amount must be between {1} and {2}.")]
    [Display(Name = "Value (MAD)")]
    public decimal? ValueMad { get; init; }

    [Display(Name = "Province")]
    public int? ProvinceId { get; init; }

    [Display(Name = "Establishment")]
    public int? EstablishmentId { get; init; }

    [Display(Name = "From")]
    public DateOnly? FromOn { get; init; }

    [Display(Name = "To")]
    public DateOnly? ToOn { get; init; }

    [Display(Name = "Status")]
    public OfferStatus Status { get; init; } = OfferStatus.Open;
}
