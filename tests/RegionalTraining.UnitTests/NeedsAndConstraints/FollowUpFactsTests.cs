using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.UnitTests.NeedsAndConstraints;

public sealed class FollowUpFactsTests
{
    [Fact]
    public void ChangedFrom_NamesOnlyTheFieldsThatDiffer()
    {
        var need = new Need { Description = "Formateurs", Category = NeedCategory.Pedagogy, Priority = Priority.High, Quantity = 2 };
        var before = FollowUpFacts.Of(need);
        need.Priority = Priority.Urgent;
        need.Quantity = 4;

        var facts = FollowUpFacts.Of(need).ChangedFrom(before, "Formateurs", "Formateurs de pédagogie");

        Assert.Equal([ItemField.Priority, ItemField.Description, ItemField.Quantity], facts.Changed);
    }

    [Fact]
    public void Json_KeepsEnumNamesAndArabicAsWritten_AndReadsBack()
    {
        var constraint = new Constraint { Description = "x", Category = NeedCategory.Infrastructure, Severity = Severity.Critical, EffectOnTraining = "توقف الورشة" };
        var facts = FollowUpFacts.Of(constraint) with { Owner = ItemOwner.Partner, DueOn = new DateOnly(2031, 3, 31) };

        var json = facts.ToJson();

        Assert.Contains("\"Critical\"", json);
        Assert.Contains("\"Partner\"", json);
        Assert.Contains("توقف الورشة", json);
        Assert.Equal(facts with { Changed = [] }, FollowUpFacts.FromJson(json)! with { Changed = [] });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Directorate · 2031-06-30 · an older line's text")]
    public void FromJson_OfAnOlderOrUnreadableLine_IsNull(string? stored) => Assert.Null(FollowUpFacts.FromJson(stored));

    [Fact]
    public void Of_ShortensLongWords_SoTheFactsFitTheirColumn()
    {
        var constraint = new Constraint { Description = "x", EffectOnTraining = new string('ع', 2000), ProposedSolution = new string('"', 2000) };

        Assert.True(FollowUpFacts.Of(constraint).ToJson().Length <= FollowUpFacts.MaximumLength);
    }
}
