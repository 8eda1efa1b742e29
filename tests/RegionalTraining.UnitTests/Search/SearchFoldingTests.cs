using RegionalTraining.Core.Search;

namespace RegionalTraining.UnitTests.Search;

/// <summary>
/// Each spelling class meets the seeded founding meeting's text: a query term, folded, is a substring of the
/// folded text (that is what the trigram index looks up).
/// </summary>
public sealed class SearchFoldingTests
{
    // As the seeded meeting (seeds/meetings/2023-01-20-mirleft.json) writes the places.
    private const string Seeded = "ISTA Fadma El Bouhali de Mirleft, Sidi Ifni, Laâyoune · المعهد المتخصص فاضمة البوهالي بميرلفت، سيدي إفني، بالعيون";

    private static bool Finds(string query) =>
        SearchFolding.QueryTerms(query) is { Count: > 0 } terms && terms.All(SearchFolding.Key(Seeded).Contains);

    [Theory]
    [InlineData("العيون")] // with the article; the seed writes بالعيون
    [InlineData("البوهالي")]
    public void ArabicArticle_IsOptional(string query) => Assert.True(Finds(query));

    [Theory]
    [InlineData("مير اللفت")] // the article's third spelling
    [InlineData("مير لفت")]
    [InlineData("Mir left")]
    public void InnerSpace_StillFindsTheName(string query) => Assert.True(Finds(query));

    [Theory]
    [InlineData("ميراللفت")] // the article's spelling: a doubled lam after an inner article
    [InlineData("Mirlleft")]
    [InlineData("Bouhalli")]
    public void DoubledLetter_IsOneLetter(string query) => Assert.True(Finds(query));

    [Theory]
    [InlineData("بميراللفت")] // the article's spelling: ب + the name
    [InlineData("وميرلفت")]
    [InlineData("لميرلفت")]
    [InlineData("فبالعيون")]
    [InlineData("للبوهالي")]
    public void ArabicPrefix_IsStripped(string query) => Assert.True(Finds(query));

    [Theory]
    [InlineData("Laayoune")]
    [InlineData("Layoune")]
    [InlineData("Bouhaly")]
    [InlineData("Buhali")]
    [InlineData("Mirlift")]
    [InlineData("Fadma El Bohali")]
    public void LatinVowelVariant_Matches(string query) => Assert.True(Finds(query));

    [Theory]
    [InlineData("Sidi-Ifni")]
    [InlineData("SidiIfni")]
    [InlineData("Mir-Left")]
    public void Hyphen_IsLikeASpace(string query) => Assert.True(Finds(query));

    [Theory]
    [InlineData("Dakhla", "Dachla")]
    [InlineData("Khalid", "Xalid")]
    [InlineData("Chaouen", "Shawen")]
    [InlineData("Oued Ed-Dahab", "Wed Eddhahab")]
    public void LatinTransliterations_FoldAlike(string a, string b) =>
        Assert.Equal(SearchFolding.Key(a).Replace("ch", "x", StringComparison.Ordinal), SearchFolding.Key(b).Replace("ch", "x", StringComparison.Ordinal));

    [Theory]
    [InlineData("Tiznit")]
    [InlineData("الرباط")]
    [InlineData("Dakhla")]
    public void OtherPlaces_DoNotMatch(string query) => Assert.False(Finds(query));

    [Fact]
    public void ADigraph_NeverSpansTwoWords() =>
        Assert.Contains(SearchFolding.Key("Hammou"), SearchFolding.Key("Ait Hammou"), StringComparison.Ordinal);

    [Fact]
    public void Fold_MapsEachFoldedLetterBackToTheText()
    {
        var folded = SearchFolding.Fold("Le Laâyoune");
        var at = folded.Value.IndexOf("laiun", StringComparison.Ordinal);

        Assert.Equal("Laâyoun", "Le Laâyoune"[folded.SourceStart[at]..folded.SourceEnd[at + 4]]);
    }

    [Fact]
    public void ShortWords_AreDroppedFromTheQuery() => Assert.Equal(new[] { "daxla" }, SearchFolding.QueryTerms("Ad-Dakhla"));

    [Fact]
    public void Similarity_OfANearSpelling_IsPartial()
    {
        var text = SearchFolding.Trigrams(SearchFolding.Key(Seeded));

        Assert.Equal(1.0, SearchFolding.Similarity(SearchFolding.Key("Mirleft"), text));
        Assert.InRange(SearchFolding.Similarity(SearchFolding.Key("Mirlefd"), text), SearchIndex.FuzzyThreshold, 0.99);
    }

    [Fact]
    public void Excerpt_MarksTheMatchAsWritten_AndKeepsHtmlAsText()
    {
        var parts = SearchIndex.Excerpt("<b>Réunion</b> à Mirleft, puis à Laâyoune.", [SearchFolding.Key("laayoune")]);

        Assert.Equal(new[] { new ExcerptPart("<b>Réunion</b> à Mirleft, puis à ", false), new ExcerptPart("Laâyoune", true), new ExcerptPart(".", false) }, parts);
    }
}
