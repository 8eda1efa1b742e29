using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RegionalTraining.Core.Common;

namespace RegionalTraining.UnitTests.Web;

/// <summary>Every message of <see cref="Messages"/> is translated, and no localized key is built at run time.</summary>
public sealed partial class MessagesTests
{
    private static readonly string Root = RepositoryRoot();

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.fr.resx")]
    [InlineData("SharedResource.ar.resx")]
    public void EveryMessage_HasAResourceInEachLanguage(string file)
    {
        var keys = XDocument.Load(Path.Combine(Root, "src", "RegionalTraining.Web", "Resources", file)).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).ToHashSet();
        var messages = typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.Name, Key: (string)f.GetRawConstantValue()!)).ToList();

        Assert.NotEmpty(messages);
        var missing = messages.Where(m => !keys.Contains(m.Key)).Select(m => m.Name).ToList();
        Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void NoLocalizerKey_IsBuiltAtRunTime()
    {
        // t[$"Role.{role}"] hides its keys from the resource tests: map the value to a constant of Messages instead.
        var built = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => InterpolatedKey().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.True(built.Count == 0, "Keys built at run time: " + string.Join("; ", built));
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.fr.resx")]
    [InlineData("SharedResource.ar.resx")]
    public void EveryValueOfALabelledEnum_HasAResource(string file)
    {
        // EnumLabels forms "TypeName.Value": an enum with one such key is shown somewhere, so all its values must be.
        var keys = XDocument.Load(Path.Combine(Root, "src", "RegionalTraining.Web", "Resources", file)).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).ToHashSet();
        var labelled = typeof(Messages).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && keys.Any(k => k.StartsWith(t.Name + ".", StringComparison.Ordinal))).ToList();
        var missing = labelled.SelectMany(t => Enum.GetNames(t).Select(n => t.Name + "." + n)).Where(k => !keys.Contains(k)).ToList();

        Assert.True(labelled.Count >= 10, "labelled enums: " + labelled.Count);
        Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
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

    [GeneratedRegex(@"\b[tT]\[\s*\$""[^""]*""")]
    private static partial Regex InterpolatedKey();
}
