using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.UnitTests.Cooperation;

public sealed class OfferMatchingTests
{
    private static readonly Place SidiIfni = new(1, 10);
    private static readonly Place Guelmim = new(2, 10);
    private static readonly Place Laayoune = new(3, 20);
    private static readonly DateTime Day = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ItemCandidate Need(int id, NeedCategory category, Place place, Priority priority = Priority.Medium, int ageDays = 0) =>
        new(new RegisterItemKey(ItemType.Need, id), category, place, OfferMatching.Urgency(priority, null), Day.AddDays(-ageDays));

    private static ItemCandidate Constraint(int id, NeedCategory category, Place place, Severity severity = Severity.Moderate, int ageDays = 0) =>
        new(new RegisterItemKey(ItemType.Constraint, id), category, place, OfferMatching.Urgency(null, severity), Day.AddDays(-ageDays));

    [Fact]
    public void RankNeeds_SameProvinceFirst_ThenSameRegion_ThenTheRestOfTheDirectorate()
    {
        var needs = new[]
        {
            Need(1, NeedCategory.BoardingAndTransport, Laayoune, Priority.Urgent),
            Need(2, NeedCategory.BoardingAndTransport, Guelmim, Priority.Urgent),
            Need(3, NeedCategory.BoardingAndTransport, SidiIfni, Priority.Low),
        };

        var ranked = OfferMatching.RankItems(OfferKind.Transport, SidiIfni, needs);

        Assert.Equal([3, 2, 1], ranked.Select(r => r.Item.Key.Id));
        Assert.Equal([MatchPlace.SameProvince, MatchPlace.SameRegion, MatchPlace.Directorate], ranked.Select(r => r.Place));
    }

    [Fact]
    public void RankNeeds_LeavesOutCategoriesTheOfferDoesNotAnswer()
    {
        var needs = new[] { Need(1, NeedCategory.Equipment, SidiIfni), Need(2, NeedCategory.BoardingAndTransport, Laayoune) };

        var ranked = OfferMatching.RankItems(OfferKind.Transport, SidiIfni, needs);

        Assert.Equal([2], ranked.Select(r => r.Item.Key.Id));
    }

    [Fact]
    public void RankNeeds_InOnePlace_OwnCategoryBeforeARelatedOne_ThenPriority_ThenTheOldest()
    {
        var needs = new[]
        {
            Need(1, NeedCategory.Digital, SidiIfni, Priority.Urgent),
            Need(2, NeedCategory.Equipment, SidiIfni, Priority.Low, ageDays: 30),
            Need(3, NeedCategory.Equipment, SidiIfni, Priority.High),
            Need(4, NeedCategory.Equipment, SidiIfni, Priority.Low, ageDays: 90),
        };

        var ranked = OfferMatching.RankItems(OfferKind.Equipment, SidiIfni, needs);

        Assert.Equal([3, 4, 2, 1], ranked.Select(r => r.Item.Key.Id));
        Assert.False(ranked[^1].OwnCategory);
    }

    [Fact]
    public void RankNeeds_AnOfferWithoutAPlace_PutsEveryNeedInTheDirectorateTier()
    {
        var ranked = OfferMatching.RankItems(OfferKind.Funding, new Place(null, null), [Need(1, NeedCategory.Other, SidiIfni)]);

        Assert.Equal(MatchPlace.Directorate, Assert.Single(ranked).Place);
    }

    [Fact]
    public void RankItems_ConstraintsAndNeedsTogether_PlaceFirst_ThenSeverityAgainstPriority()
    {
        var items = new[]
        {
            Need(1, NeedCategory.BoardingAndTransport, Guelmim, Priority.Urgent),
            Constraint(1, NeedCategory.BoardingAndTransport, SidiIfni, Severity.Minor),
            Constraint(2, NeedCategory.BoardingAndTransport, Laayoune, Severity.Critical),
            Need(2, NeedCategory.BoardingAndTransport, SidiIfni, Priority.High),
            Constraint(3, NeedCategory.BoardingAndTransport, SidiIfni, Severity.Critical),
        };

        var ranked = OfferMatching.RankItems(OfferKind.Transport, SidiIfni, items);

        Assert.Equal(
            [new RegisterItemKey(ItemType.Constraint, 3), new RegisterItemKey(ItemType.Need, 2), new RegisterItemKey(ItemType.Constraint, 1),
                new RegisterItemKey(ItemType.Need, 1), new RegisterItemKey(ItemType.Constraint, 2)],
            ranked.Select(r => r.Item.Key));
    }

    [Fact]
    public void RankItems_LeavesOutAConstraintOfACategoryTheOfferDoesNotAnswer()
    {
        var ranked = OfferMatching.RankItems(OfferKind.Transport, SidiIfni, [Constraint(1, NeedCategory.Digital, SidiIfni), Constraint(2, NeedCategory.BoardingAndTransport, Laayoune)]);

        Assert.Equal([2], ranked.Select(r => r.Item.Key.Id));
    }

    [Theory]
    [InlineData(Priority.Urgent, null, 4)]
    [InlineData(Priority.Low, null, 1)]
    [InlineData(null, Severity.Critical, 4)]
    [InlineData(null, Severity.Moderate, 2)]
    public void Urgency_PutsPriorityAndSeverityOnOneScale(Priority? priority, Severity? severity, int expected) =>
        Assert.Equal(expected, OfferMatching.Urgency(priority, severity));

    [Theory]
    [InlineData(OfferKind.Funding, NeedCategory.Infrastructure, 0)]
    [InlineData(OfferKind.Funding, NeedCategory.Other, 0)]
    [InlineData(OfferKind.TrainerTime, NeedCategory.HumanResources, 0)]
    [InlineData(OfferKind.TrainerTime, NeedCategory.Pedagogy, 1)]
    [InlineData(OfferKind.InternshipPlaces, NeedCategory.Partnerships, 0)]
    [InlineData(OfferKind.Premises, NeedCategory.BoardingAndTransport, 1)]
    public void CategoryRank_OwnCategoryIsZero_RelatedIsOne(OfferKind kind, NeedCategory category, int expected) =>
        Assert.Equal(expected, OfferMatching.CategoryRank(kind, category));

    [Fact]
    public void CategoryRank_AnUnrelatedCategory_IsNull() =>
        Assert.Null(OfferMatching.CategoryRank(OfferKind.Transport, NeedCategory.Digital));

    [Fact]
    public void EveryOfferKind_AnswersAtLeastOneCategory() =>
        Assert.All(Enum.GetValues<OfferKind>(), k => Assert.NotEmpty(OfferMatching.CategoriesFor(k)));

    [Fact]
    public void RankOffers_SameProvinceFirst_ThenRegion_ThenTheOneEndingSoonest()
    {
        var offers = new[]
        {
            new OfferCandidate(1, OfferKind.Transport, Laayoune, null),
            new OfferCandidate(2, OfferKind.Transport, Guelmim, new DateOnly(2027, 6, 30)),
            new OfferCandidate(3, OfferKind.Transport, Guelmim, new DateOnly(2027, 1, 31)),
            new OfferCandidate(4, OfferKind.Funding, SidiIfni, null),
            new OfferCandidate(5, OfferKind.Equipment, SidiIfni, null),
        };

        var ranked = OfferMatching.RankOffers(NeedCategory.BoardingAndTransport, SidiIfni, offers);

        Assert.Equal([4, 3, 2, 1], ranked.Select(r => r.Offer.Id));
    }
}
