using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Cooperation;

public sealed record PartnerRow(int Id, int DirectorateId, PartnerKind Kind, string NameFr, string? NameAr, string? ProvinceFr, string? ProvinceAr, int OpenOffers);

/// <summary>Personal data: only records read by directorate members carry it (<see cref="PartnerView"/>).</summary>
public sealed record ContactView(string Name, string? Role, string? Phone, string? Email);

public sealed record OfferRow(
    int Id, int PartnerId, string PartnerFr, string? PartnerAr, OfferKind Kind, string Description, int? Quantity, string? Unit, decimal? ValueMad,
    string? PlaceFr, string? PlaceAr, DateOnly? FromOn, DateOnly? ToOn, OfferStatus Status, int LinkedItems);

/// <summary>A partner's page and form: its contacts (directorate members only reach it) and its offers.</summary>
public sealed record PartnerView(
    int Id, int DirectorateId, PartnerKind Kind, string NameFr, string? NameAr, int? ProvinceId, string? ProvinceFr, string? ProvinceAr,
    IReadOnlyList<ContactView> Contacts, IReadOnlyList<OfferRow> Offers, byte[] RowVersion);

/// <summary>An offer's form: what it is, and where it is as chosen (province or establishment).</summary>
public sealed record OfferView(OfferRow Row, int DirectorateId, int? ProvinceId, int? EstablishmentId, byte[] RowVersion)
{
    public OfferInput ToInput() => new()
    {
        Kind = Row.Kind, Description = Row.Description, Quantity = Row.Quantity, Unit = Row.Unit, ValueMad = Row.ValueMad,
        ProvinceId = ProvinceId, EstablishmentId = EstablishmentId, FromOn = Row.FromOn, ToOn = Row.ToOn, Status = Row.Status,
    };
}

/// <summary>A need or a constraint of the register as the board shows it next to an offer: a need has a priority and a cost, a constraint a severity.</summary>
public sealed record ItemSuggestion(
    RegisterItemKey Key, string EstablishmentFr, string EstablishmentAr, string ProvinceFr, string ProvinceAr, NeedCategory Category, Priority? Priority,
    Severity? Severity, string Description, decimal? EstimatedCostMad, FollowUpStatus Status, MatchPlace? Place, bool OwnCategory);

/// <summary>An offer's suggestions: the needs and constraints linked to it, then the open ones it suits, best first.</summary>
public sealed record OfferSuggestions(OfferRow Offer, IReadOnlyList<ItemSuggestion> Linked, IReadOnlyList<ItemSuggestion> Suggested);

public sealed record OfferSuggestion(OfferRow Offer, MatchPlace? Place, bool OwnCategory);

/// <summary>A need's or a constraint's suggestions: the offers linked to it, then the open offers of its directorate that suit it.</summary>
public sealed record ItemOffers(ItemSuggestion Item, IReadOnlyList<OfferSuggestion> Linked, IReadOnlyList<OfferSuggestion> Suggested);

/// <summary>An offer linked to a need or a constraint, as the item's page shows it to anyone who reads the item: no contacts.</summary>
public sealed record LinkedOffer(
    int OfferId, PartnerKind PartnerKind, string PartnerFr, string? PartnerAr, OfferKind Kind, string Description, int? Quantity, string? Unit,
    decimal? ValueMad, DateOnly? FromOn, DateOnly? ToOn, OfferStatus Status);

/// <summary>
/// What partners covered, per directorate: the needs linked to at least one offer (declined ones aside) and their
/// estimated cost, against the open needs no offer covers yet and theirs (the two sets do not overlap); and the
/// constraints linked to at least one offer (declined ones aside), which have no cost.
/// </summary>
public sealed record CooperationCoverage(
    int Partners, int OpenOffers, int CoveredNeeds, decimal CoveredCostMad, int UncoveredOpenNeeds, decimal UncoveredCostMad, int CoveredConstraints)
{
    /// <summary>The covered share of the cost of both sets, 0 to 1; null when no need has a cost.</summary>
    public decimal? CoveredShare => CoveredCostMad + UncoveredCostMad == 0 ? null : CoveredCostMad / (CoveredCostMad + UncoveredCostMad);
}

/// <summary>The cooperation board's first page.</summary>
public sealed record CooperationBoard(CooperationCoverage Coverage, IReadOnlyList<PartnerRow> Partners, IReadOnlyList<OfferRow> Offers);
