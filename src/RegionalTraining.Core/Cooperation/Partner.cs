using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Cooperation;

public enum PartnerKind
{
    Company = 1,
    Chamber = 2,
    LocalCouncil = 3,
    RegionalCouncil = 4,
    Association = 5,
    OtherEstablishment = 6,
    OtherDirectorate = 7,
}

public enum OfferKind
{
    Equipment = 1,
    InternshipPlaces = 2,
    ApprenticeshipPlaces = 3,
    TrainerTime = 4,
    Transport = 5,
    Premises = 6,
    Funding = 7,
}

public enum OfferStatus
{
    Open = 1,
    Taken = 2,
    Withdrawn = 3,
}

/// <summary>
/// Someone outside the directorate who helps its establishments (a company, a council, an association…). A partner
/// belongs to one directorate: its staff work with it, and only they see its contacts.
/// </summary>
public class Partner : EditableEntity
{
    public int DirectorateId { get; set; }

    public Directorate? Directorate { get; set; }

    public PartnerKind Kind { get; set; }

    public required string NameFr { get; set; }

    public string? NameAr { get; set; }

    public int? ProvinceId { get; set; }

    public Province? Province { get; set; }

    /// <summary>Personal data: shown to the directorate's members only, never to directors nor in their files.</summary>
    public List<PartnerContact> Contacts { get; } = [];

    public List<Offer> Offers { get; } = [];
}

/// <summary>A person to call at a partner. Replaced as a whole when the partner's form is saved.</summary>
public class PartnerContact
{
    public int Id { get; set; }

    public int PartnerId { get; set; }

    public Partner? Partner { get; set; }

    public required string Name { get; set; }

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

/// <summary>What a partner offers (equipment, places, trainer time…), how much, where and when.</summary>
public class Offer : EditableEntity
{
    public int PartnerId { get; set; }

    public Partner? Partner { get; set; }

    public OfferKind Kind { get; set; }

    public required string Description { get; set; }

    public int? Quantity { get; set; }

    /// <summary>What the quantity counts (places, hours, vehicles…), as typed.</summary>
    public string? Unit { get; set; }

    /// <summary>In Moroccan dirhams: the funding, or the value of the equipment.</summary>
    public decimal? ValueMad { get; set; }

    /// <summary>Where the offer is; null: the partner's province (or anywhere in the directorate).</summary>
    public int? ProvinceId { get; set; }

    public Province? Province { get; set; }

    public int? EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public DateOnly? FromOn { get; set; }

    public DateOnly? ToOn { get; set; }

    public OfferStatus Status { get; set; } = OfferStatus.Open;

    public List<OfferLink> Links { get; } = [];
}

/// <summary>
/// Staff said this offer answers this need or this constraint: exactly one of the two is set (a check constraint
/// in the database), and an offer is linked to an item once (two filtered unique indexes).
/// </summary>
public class OfferLink
{
    public int Id { get; set; }

    public int OfferId { get; set; }

    public Offer? Offer { get; set; }

    public int? NeedId { get; set; }

    public Need? Need { get; set; }

    public int? ConstraintId { get; set; }

    public Constraint? Constraint { get; set; }

    public DateTime LinkedAtUtc { get; set; }

    public string? LinkedBy { get; set; }
}
