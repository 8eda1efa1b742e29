using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Archive;

namespace RegionalTraining.UnitTests.Meetings.Archive;

public sealed class MinutesExcerptTests
{
    [Theory]
    [InlineData("Réunion à **Sidi-Ifni** le 12-03", "Réunion à Sidi-Ifni le 12-03")]
    [InlineData("# Ordre du jour\n\n- Point _un_\n- Point ~~deux~~ trois", "Ordre du jour Point un Point deux trois")]
    [InlineData("Voir [le rapport](https://example.org/rapport-2024) et <https://example.org/a-b>", "Voir le rapport et https://example.org/a-b")]
    [InlineData("## محضر الاجتماع\n\nتقرر **تعزيز** التكوين في سيدي إفني (2024-2025).", "محضر الاجتماع تقرر تعزيز التكوين في سيدي إفني (2024-2025).")]
    [InlineData("> Citation : « C'est *important* ! »", "Citation : « C'est important ! »")]
    [InlineData("Texte <script>alert(1)</script> brut", "Texte <script>alert(1)</script> brut")]
    public void From_Markdown_IsItsPlainText(string markdown, string expected) =>
        Assert.Equal(expected, MinutesExcerpt.From(markdown));

    [Fact]
    public void From_LongText_IsCutWithAnEllipsis()
    {
        var excerpt = MinutesExcerpt.From(string.Concat(Enumerable.Repeat("Sidi-Ifni ", 40)));

        Assert.InRange(excerpt.Length, MinutesExcerpt.Length - 10, MinutesExcerpt.Length + 1);
        Assert.EndsWith("Sidi-Ifni…", excerpt);
    }

    [Fact]
    public void From_Nothing_IsEmpty() => Assert.Equal(string.Empty, MinutesExcerpt.From("  \n"));
}
