using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RegionalTraining.UnitTests.Web;

/// <summary>Every UI string exists in English, French and Arabic, and every string a view asks for exists.</summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "RegionalTraining.Web");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegionalTraining.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty);

    [Theory]
    [InlineData("SharedResource.fr.resx")]
    [InlineData("SharedResource.ar.resx")]
    public void Translation_HasExactlyTheEnglishKeysAndNoEmptyValue(string file)
    {
        var english = Load("SharedResource.resx");
        var translated = Load(file);

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.DoesNotContain(translated, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Theory]
    [InlineData("SharedResource.fr.resx")]
    [InlineData("SharedResource.ar.resx")]
    public void Translation_KeepsThePlaceholdersOfTheEnglish(string file)
    {
        var translated = Load(file);
        foreach (var (key, value) in Load("SharedResource.resx"))
        {
            var expected = Placeholders().Matches(key).Select(m => m.Value).Order().ToList();
            var actual = Placeholders().Matches(translated[key]).Select(m => m.Value).Order().ToList();

            // A plural form may leave the count to its words ("عنصر واحد", one item), never add a placeholder.
            Assert.True(PluralForm().IsMatch(key) ? actual.All(expected.Contains) : expected.SequenceEqual(actual), $"{file}: placeholders of \"{key}\" differ");
        }
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.fr.resx")]
    [InlineData("SharedResource.ar.resx")]
    public void SymbolicKeys_HaveRealTextInEveryLanguage(string file)
    {
        // Keys such as "Role.Administrator" are not sentences: shown as they are, they would leak into the page.
        var untranslated = Load(file).Where(kv => SymbolicKey().IsMatch(kv.Key) && kv.Value == kv.Key).Select(kv => kv.Key).ToList();

        Assert.True(untranslated.Count == 0, $"{file}: {string.Join(", ", untranslated)}");
    }

    [Fact]
    public void Arabic_IsWrittenInArabicLetters()
    {
        var arabic = Load("SharedResource.ar.resx");

        // A key with no letter ("{0}: {1}") is punctuation only, the same in Arabic: there is nothing to write in letters.
        Assert.All(arabic.Where(kv => kv.Key is not "RegionalTraining" && kv.Key.Any(char.IsLetter)), kv =>
            Assert.Matches(ArabicLetter(), kv.Value));
    }

    [Fact]
    public void EveryLiteralStringUsedInViews_HasAResource()
    {
        var english = Load("SharedResource.resx");
        var missing = Directory.EnumerateFiles(Path.Combine(WebProject, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => LocalizerCall().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(x => !english.ContainsKey(x.Key))
            .ToList();

        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing.Select(m => $"{m.File}: {m.Key}")));
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.fr.resx")]
    [InlineData("SharedResource.ar.resx")]
    public void EveryPluralForm_HasItsKeyAndAllFiveForms(string file)
    {
        var texts = Load(file);
        var keys = texts.Keys.Where(k => PluralForm().IsMatch(k)).Select(k => PluralForm().Replace(k, "")).Distinct().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.All(new[] { "", "|zero", "|one", "|two", "|few", "|many" }, form => Assert.True(texts.ContainsKey(key + form), $"{file}: {key}{form}")));
    }

    [GeneratedRegex(@"\|(zero|one|two|few|many)$")]
    private static partial Regex PluralForm();

    [GeneratedRegex(@"^[A-Za-z]+\.[A-Za-z]+$")]
    private static partial Regex SymbolicKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetter();

    [GeneratedRegex("T\\[\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LocalizerCall();
}
