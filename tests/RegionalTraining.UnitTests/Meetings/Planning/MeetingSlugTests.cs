using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Planning;

namespace RegionalTraining.UnitTests.Meetings.Planning;

public sealed class MeetingSlugTests
{
    [Fact]
    public void For_FrenchTitle_IsDatedLowercaseWithoutAccents() =>
        Assert.Equal("2023-01-20-rencontre-des-directeurs-a-mirleft", MeetingSlug.For(new DateOnly(2023, 1, 20), "Rencontre des directeurs à Mirleft !"));

    [Fact]
    public void For_LongTitle_IsCutWithoutTrailingDash()
    {
        var slug = MeetingSlug.For(new DateOnly(2024, 5, 2), string.Join(' ', Enumerable.Repeat("formation", 20)));

        Assert.True(slug.Length <= 81);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void For_TitleWithoutLatinLetters_IsTheDate() =>
        Assert.Equal("2023-01-21", MeetingSlug.For(new DateOnly(2023, 1, 21), "لقاء"));
}
