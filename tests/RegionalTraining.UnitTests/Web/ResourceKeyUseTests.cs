using System.Xml.Linq;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.UnitTests.Web;

/// <summary>
/// Every key of the resource files is used: written as a string literal in code or a view (<c>T["..."]</c>, a
/// <see cref="Messages"/> constant, a <c>[Display]</c> name or an error message) or formed by <c>EnumLabels</c> as
/// <c>EnumType.Value</c>. Keys are never built at run time (see <see cref="MessagesTests"/>), so a key no literal names
/// is dead weight that translators keep paying for.
/// </summary>
public sealed partial class ResourceKeyUseTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void EveryResourceKey_IsUsedByCodeAViewOrAnEnumLabel()
    {
        var keys = XDocument.Load(Path.Combine(Root, "src", "RegionalTraining.Web", "Resources", "SharedResource.resx")).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).ToList();

        var unused = Unused(keys, SourceText(), EnumLabelKeys());

        Assert.NotEmpty(keys);
        Assert.True(unused.Count == 0, "Resource keys no code, view or enum label uses (remove them from the three resx files):\n"
            + string.Join('\n', unused));
    }

    [Fact]
    public void Unused_NamesAKeyNoLiteralNorEnumLabelUses()
    {
        const string source = """"
            <p>@T["Used in a view"]</p>
            public const string Message = "Said \"twice\".";
            [Display(Name = @"Verbatim ""name""")]
            var other = "Only a longer text";
            """";

        var unused = Unused(["Used in a view", "Said \"twice\".", "Verbatim \"name\"", "Status.Open", "Only a", "Never written"], source, new HashSet<string> { "Status.Open" });

        Assert.Equal(["Only a", "Never written"], unused);
    }

    /// <summary>A plural form ("{0} items|few", see PluralRules) is used where its key ("{0} items") is.</summary>
    private static List<string> Unused(IEnumerable<string> keys, string source, IReadOnlySet<string> enumLabels) =>
        keys.Where(k => !enumLabels.Contains(k) && !Literals(PluralForm().Replace(k, "")).Any(l => source.Contains(l, StringComparison.Ordinal))).ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"\|(zero|one|two|few|many)$")]
    private static partial System.Text.RegularExpressions.Regex PluralForm();

    /// <summary>The ways C# and Razor write the key as a whole literal: as it is, escaped, or verbatim.</summary>
    private static IEnumerable<string> Literals(string key) =>
    [
        '"' + key + '"',
        '"' + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + '"',
        '"' + key.Replace("\"", "\"\"", StringComparison.Ordinal) + '"',
    ];

    private static HashSet<string> EnumLabelKeys() =>
        typeof(Messages).Assembly.GetTypes().Concat(typeof(SharedResource).Assembly.GetTypes())
            .Where(t => t.IsEnum)
            .SelectMany(t => Enum.GetNames(t).Select(n => t.Name + "." + n))
            .ToHashSet();

    private static string SourceText()
    {
        var separator = Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("_Layout.cshtml", StringComparison.Ordinal));
        return string.Join('\n', files.Select(File.ReadAllText));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegionalTraining.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
