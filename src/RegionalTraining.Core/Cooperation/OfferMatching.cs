using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Cooperation;

/// <summary>How close an offer is to a need or a constraint: in its province, in its region, or elsewhere in the directorate.</summary>
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
/// answers (the first listed is its own category, the others are related), needs and constraints alike (both have
/// a category); suggestions come in the same province first, then the same region, then the rest of the
/// directorate; within a place, the offer's own category before related ones, then the most pressing item (a
/// need's priority and a constraint's severity, both on the same four steps), then the oldest.
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

    /// <summary>The open needs and constraints an offer suits, best first.</summary>
    public static IReadOnlyList<RankedItem> RankItems(OfferKind kind, Place offer, IEnumerable<ItemCandidate> items) =>
        items.Select(i => (Item: i, Category: CategoryRank(kind, i.Category)))
            .Where(x => x.Category is not null)
            .Select(x => new RankedItem(x.Item, PlaceOf(offer, x.Item.Place), x.Category!.Value == 0))
            .OrderBy(r => r.Place).ThenByDescending(r => r.OwnCategory).ThenByDescending(r => r.Item.Urgency)
            .ThenBy(r => r.Item.RaisedAtUtc).ThenBy(r => r.Item.Key.Type).ThenBy(r => r.Item.Key.Id)
            .ToList();

    /// <summary>How pressing an item is, 1 to 4: a need's priority, a constraint's severity.</summary>
    public static int Urgency(Priority? priority, Severity? severity) => (int?)priority ?? (int?)severity ?? (int)Priority.Medium;

    /// <summary>The open offers that suit a need or a constraint (of <paramref name="category"/>), best first; within a place, the one ending soonest.</summary>
    public static IReadOnlyList<RankedOffer> RankOffers(NeedCategory category, Place need, IEnumerable<OfferCandidate> offers) =>
        offers.Select(o => (Offer: o, Category: CategoryRank(o.Kind, category)))
            .Where(x => x.Category is not null)
            .Select(x => new RankedOffer(x.Offer, PlaceOf(x.Offer.Place, need), x.Category!.Value == 0))
            .OrderBy(r => r.Place).ThenByDescending(r => r.OwnCategory).ThenBy(r => r.Offer.ToOn ?? DateOnly.MaxValue).ThenBy(r => r.Offer.Id)
            .ToList();
}

/// <summary>An open need or constraint as the ranking sees it; <see cref="Urgency"/> from <see cref="OfferMatching.Urgency"/>.</summary>
public sealed record ItemCandidate(RegisterItemKey Key, NeedCategory Category, Place Place, int Urgency, DateTime RaisedAtUtc);

public sealed record RankedItem(ItemCandidate Item, MatchPlace Place, bool OwnCategory);

/// <summary>An open offer as the ranking sees it.</summary>
public sealed record OfferCandidate(int Id, OfferKind Kind, Place Place, DateOnly? ToOn);

public sealed record RankedOffer(OfferCandidate Offer, MatchPlace Place, bool OwnCategory);
