using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Cooperation;

public sealed record PartnerRow(int Id, int DirectorateId, PartnerKind Kind, string NameFr, string? NameAr, string? ProvinceFr, string? ProvinceAr, int OpenOffers);

/// <summary>Personal data: only records read by directorate members carry it (<see cref="PartnerView"/>).</summary>
public sealed record ContactView(string Name, string? Role, string? Phone, string? Email);

public sealed record OfferRow(
    int Id, int PartnerId, string PartnerFr, string? PartnerAr, OfferKind Kind, string Description, int? Quantity, string? Unit, decimal? ValueMad,
    string? PlaceFr, string? PlaceAr, DateOnly? FromOn, DateOnly? ToOn, OfferStatus Status, int LinkedNeeds);

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

/// <summary>A need of the register as the board shows it next to an offer.</summary>
public sealed record NeedSuggestion(
    int NeedId, string EstablishmentFr, string EstablishmentAr, string ProvinceFr, string ProvinceAr, NeedCategory Category, Priority Priority,
    string Description, decimal? EstimatedCostMad, FollowUpStatus Status, MatchPlace? Place, bool OwnCategory);

/// <summary>An offer's suggestions: the needs linked to it, then the open needs it suits, best first.</summary>
public sealed record OfferSuggestions(OfferRow Offer, IReadOnlyList<NeedSuggestion> Linked, IReadOnlyList<NeedSuggestion> Suggested);

public sealed record OfferSuggestion(OfferRow Offer, MatchPlace? Place, bool OwnCategory);

/// <summary>A need's suggestions: the offers linked to it, then the open offers of its directorate that suit it.</summary>
public sealed record NeedOffers(NeedSuggestion Need, IReadOnlyList<OfferSuggestion> Linked, IReadOnlyList<OfferSuggestion> Suggested);

/// <summary>An offer linked to a need, as the need's page shows it to anyone who reads the need: no contacts.</summary>
public sealed record LinkedOffer(
    int OfferId, PartnerKind PartnerKind, string PartnerFr, string? PartnerAr, OfferKind Kind, string Description, int? Quantity, string? Unit,
    decimal? ValueMad, DateOnly? FromOn, DateOnly? ToOn, OfferStatus Status);

/// <summary>
/// What partners covered, per directorate: the needs linked to at least one offer (declined ones aside) and their
/// estimated cost, against the open needs no offer covers yet and theirs. The two sets do not overlap.
/// </summary>
public sealed record CooperationCoverage(int Partners, int OpenOffers, int CoveredNeeds, decimal CoveredCostMad, int UncoveredOpenNeeds, decimal UncoveredCostMad)
{
    /// <summary>The covered share of the cost of both sets, 0 to 1; null when no need has a cost.</summary>
    public decimal? CoveredShare => CoveredCostMad + UncoveredCostMad == 0 ? null : CoveredCostMad / (CoveredCostMad + UncoveredCostMad);
}

/// <summary>The cooperation board's first page.</summary>
public sealed record CooperationBoard(CooperationCoverage Coverage, IReadOnlyList<PartnerRow> Partners, IReadOnlyList<OfferRow> Offers);
