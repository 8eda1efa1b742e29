using RegionalTraining.Core.Organisation;

namespace RegionalTraining.UnitTests.Organisation;

public sealed class TrainingYearTests
{
    [Theory]
    [InlineData(2023, 1, 20, 2022)]
    [InlineData(2022, 9, 1, 2022)]
    [InlineData(2023, 7, 31, 2022)]
    [InlineData(2023, 8, 15, 2023)]
    public void StartYearFor_Date_IsTheYearItFallsIn(int year, int month, int day, int expected) =>
        Assert.Equal(expected, TrainingYear.StartYearFor(new DateOnly(year, month, day)));

    [Fact]
    public void TrainingYear_RunsFromSeptemberToJuly()
    {
        var year = new TrainingYear { Code = "2022-2023", StartYear = 2022 };

        Assert.Equal("2022/2023", year.Label);
        Assert.Equal(new DateOnly(2022, 9, 1), year.StartsOn);
        Assert.Equal(new DateOnly(2023, 7, 31), year.EndsOn);
    }

    [Theory]
    [InlineData("2022-2023", 2022)]
    [InlineData("2022/2023", 2022)]
    [InlineData("2022-2024", null)]
    [InlineData("abcd-efgh", null)]
    [InlineData("", null)]
    public void ParseCode_AcceptsOnlyConsecutiveYears(string code, int? expected) =>
        Assert.Equal(expected, TrainingYear.ParseCode(code));
}
