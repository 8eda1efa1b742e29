using RegionalTraining.Core.Common;

namespace RegionalTraining.UnitTests.Common;

public sealed class PagedResultTests
{
    [Theory]
    [InlineData(0, 45, 20, 1)]
    [InlineData(9, 45, 20, 3)]
    [InlineData(2, 45, 20, 2)]
    [InlineData(5, 0, 20, 1)]
    public void ClampPage_KeepsRequestedPageInRange(int requested, int total, int size, int expected) =>
        Assert.Equal(expected, PagedResult<int>.ClampPage(requested, total, size));

    [Fact]
    public void PageCount_RoundsUp()
    {
        var result = new PagedResult<int>([], 1, 20, 41);

        Assert.Equal(3, result.PageCount);
        Assert.True(result.HasNext);
        Assert.False(result.HasPrevious);
    }
}
