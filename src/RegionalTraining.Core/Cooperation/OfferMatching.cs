using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Cooperation;

/// <summary>How close an offer is to a need: in its province, in its region, or elsewhere in the directorate.</summary>
public enum MatchPlace
{
    SameProvince = 1,
    SameRegion = 2,
    Directorate = 3,
}

/// <summary>Where a need or an offer is. A null province (an offer for the whole directorate) is near nothing in particular.</summary>
public readonly record struct Place(int? ProvinceId, int? RegionId);

/// <summary>
/// The ranking rule of the suggestions, as plain functions: an offer suits the needs of the categories its kind
/// answers (the first listed is its own category, the others are related); suggestions come in the same province
/// first, then the same region, then the rest of the directorate; within a place, the offer's own category before
/// related ones, then the most pressing need, then the oldest.
/// </summary>
public static class OfferMatching
{
    private static readonly NeedCategory[] Everything = Enum.GetValues<NeedCategory>();

    /// <summary>The need categories an offer kind answers, its own first. Funding answers every category alike.</summary>
    public static IReadOnlyList<NeedCategory> CategoriesFor(OfferKind kind) => kind switch
    {
        OfferKind.Equipment => [NeedCategory.Equipment, NeedCategory.Digital],
        OfferKind.InternshipPlaces or OfferKind.ApprenticeshipPlaces => [NeedCategory.Partnerships, NeedCategory.Pedagogy],
        OfferKind.TrainerTime => [NeedCategory.HumanResources, NeedCategory.Pedagogy],
        OfferKind.Transport => [NeedCategory.BoardingAndTransport],
        OfferKind.Premises => [NeedCategory.Infrastructure, NeedCategory.BoardingAndTransport],
        OfferKind.Funding => Everything,
        _ => [],
    };

    /// <summary>0 for the offer's own category (any for funding), 1 for a related one, null when the offer does not answer it.</summary>
    public static int? CategoryRank(OfferKind kind, NeedCategory category)
    {
        var categories = CategoriesFor(kind);
        var index = categories.ToList().IndexOf(category);
        return index < 0 ? null : kind == OfferKind.Funding || index == 0 ? 0 : 1;
    }

    public static MatchPlace PlaceOf(Place offer, Place need) =>
        offer.ProvinceId is not null && offer.ProvinceId == need.ProvinceId ? MatchPlace.SameProvince
        : offer.RegionId is not null && offer.RegionId == need.RegionId ? MatchPlace.SameRegion
        : MatchPlace.Directorate;

    /// <summary>The open needs an offer suits, best first.</summary>
    public static IReadOnlyList<RankedNeed> RankNeeds(OfferKind kind, Place offer, IEnumerable<NeedCandidate> needs) =>
        needs.Select(n => (Need: n, Category: CategoryRank(kind, n.Category)))
            .Where(x => x.Category is not null)
            .Select(x => new RankedNeed(x.Need, PlaceOf(offer, x.Need.Place), x.Category!.Value == 0))
            .OrderBy(r => r.Place).ThenByDescending(r => r.OwnCategory).ThenByDescending(r => r.Need.Priority)
            .ThenBy(r => r.Need.RaisedAtUtc).ThenBy(r => r.Need.Id)
            .ToList();

    /// <summary>The open offers that suit a need, best first; within a place, the one ending soonest.</summary>
    public static IReadOnlyList<RankedOffer> RankOffers(NeedCategory category, Place need, IEnumerable<OfferCandidate> offers) =>
        offers.Select(o => (Offer: o, Category: CategoryRank(o.Kind, category)))
            .Where(x => x.Category is not null)
            .Select(x => new RankedOffer(x.Offer, PlaceOf(x.Offer.Place, need), x.Category!.Value == 0))
            .OrderBy(r => r.Place).ThenByDescending(r => r.OwnCategory).ThenBy(r => r.Offer.ToOn ?? DateOnly.MaxValue).ThenBy(r => r.Offer.Id)
            .ToList();
}

/// <summary>An open need as the ranking sees it.</summary>
public sealed record NeedCandidate(int Id, NeedCategory Category, Place Place, Priority Priority, DateTime RaisedAtUtc);

public sealed record RankedNeed(NeedCandidate Need, MatchPlace Place, bool OwnCategory);

/// <summary>An open offer as the ranking sees it.</summary>
public sealed record OfferCandidate(int Id, OfferKind Kind, Place Place, DateOnly? ToOn);

public sealed record RankedOffer(OfferCandidate Offer, MatchPlace Place, bool OwnCategory);
