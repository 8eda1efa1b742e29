using System.Text.RegularExpressions;

namespace RegionalTraining.UnitTests.Docs;

/// <summary>
/// Keeps the documentation true where a machine can tell: the architecture page stays short, and every link and
/// every file it names still exists after the code moves.
/// </summary>
public sealed partial class DocsTests
{
    private static readonly string Root = RepositoryRoot();

    /// <summary>Folders that hold build output or local data, never documentation targets.</summary>
    private static readonly string[] Ignored = ["bin", "obj", ".git", "artifacts", "node_modules", "App_Data", "TestResults"];

    private static readonly string[] FileExtensions = [".cs", ".cshtml", ".csproj", ".md", ".sh", ".json", ".props", ".py", ".resx", ".sln"];

    [Fact]
    public void ArchitecturePage_IsAtMost250Lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "architecture.md")).Length;

        Assert.True(lines <= 250, $"docs/architecture.md has {lines} lines; link to the code instead of describing it.");
    }

    [Fact]
    public void EveryRelativeLink_PointsToAnExistingFileAndHeading()
    {
        var broken = DocumentationFiles().SelectMany(BrokenLinks).ToList();

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void EveryPathInBackticks_OnTheArchitecturePageAndInTheDecisions_Exists()
    {
        var pages = new[] { Path.Combine(Root, "docs", "architecture.md") }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs", "decisions"), "*.md"));
        var missing = pages.SelectMany(MissingPaths).ToList();

        Assert.True(missing.Count == 0, "Named in backticks but not in the repository:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryImage_TheDocsShow_ExistsAndStaysSmall()
    {
        var images = DocumentationFiles()
            .SelectMany(page => ImagePattern().Matches(OutsideCodeBlocks(File.ReadAllText(page)))
                .Select(m => (Page: page, Target: m.Groups["target"].Value)))
            .Where(i => !i.Target.Contains("://", StringComparison.Ordinal))
            .Select(i => (i.Page, File: Path.GetFullPath(Path.Combine(Path.GetDirectoryName(i.Page)!, i.Target))))
            .ToList();
        var problems = images
            .Where(i => !File.Exists(i.File) || new FileInfo(i.File).Length > 150 * 1024)
            .Select(i => $"{Relative(i.Page)}: {Relative(i.File)} {(File.Exists(i.File) ? "is over 150 KB" : "is missing")} (./tools/screenshots.sh)")
            .ToList();

        Assert.NotEmpty(images);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void TheChecks_FindABrokenLinkAMissingHeadingAndAMissingPath()
    {
        var page = Path.Combine(Root, "docs", "architecture.md");
        const string text = "See [gone](decisions/0999-gone.md), [ops](operations.md#no-such-heading), [ok](operations.md#backups) and `src/RegionalTraining.Core/Gone.cs`, `Gone.cs`, `Result.cs`.\n";

        var links = BrokenLinks(page, text).ToList();
        var paths = MissingPaths(page, text).ToList();

        Assert.Equal(2, links.Count);
        Assert.Equal(["src/RegionalTraining.Core/Gone.cs", "Gone.cs"], paths.Select(p => p.Split(": ")[1]));
    }

    private static IEnumerable<string> DocumentationFiles() =>
        new[] { Path.Combine(Root, "README.md"), Path.Combine(Root, "seeds", "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories));

    private static IEnumerable<string> BrokenLinks(string page) => BrokenLinks(page, File.ReadAllText(page));

    private static IEnumerable<string> BrokenLinks(string page, string text)
    {
        var folder = Path.GetDirectoryName(page)!;
        foreach (Match link in LinkPattern().Matches(OutsideCodeBlocks(text)))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://") || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#');
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var path = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(file)));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                yield return $"{Relative(page)}: {target} (no such file)";
            }
            else if (anchor is not null && path.EndsWith(".md", StringComparison.Ordinal)
                && !Headings(path == page ? text : File.ReadAllText(path)).Contains(anchor))
            {
                yield return $"{Relative(page)}: {target} (no such heading)";
            }
        }
    }

    private static IEnumerable<string> MissingPaths(string page) => MissingPaths(page, File.ReadAllText(page));

    /// <summary>
    /// A token from the repository's top level must exist exactly; a shorter one (`Data/Configurations/`,
    /// `Result.cs`) must end some path of the repository. Routes, placeholders and code are not paths.
    /// </summary>
    private static IEnumerable<string> MissingPaths(string page, string text)
    {
        var known = RepositoryPaths();
        foreach (Match code in CodePattern().Matches(text))
        {
            var token = code.Groups["code"].Value;
            var looksLikePath = token.Contains('/') || FileExtensions.Any(e => token.EndsWith(e, StringComparison.Ordinal));
            if (!looksLikePath || token.StartsWith('/') || token.StartsWith('.') || token.IndexOfAny(['<', '>', '{', '}', '*', '…', ' ', ':', '"', '(']) >= 0)
            {
                continue;
            }

            var fromTop = token.Split('/')[0] is "src" or "tests" or "tools" or "seeds" or "docs";
            var found = fromTop ? known.Contains(token) : known.Any(p => p == token || p.EndsWith("/" + token, StringComparison.Ordinal));
            if (!found)
            {
                yield return $"{Relative(page)}: {token}";
            }
        }
    }

    /// <summary>GitHub's anchors: lower case, punctuation dropped, spaces become hyphens.</summary>
    private static HashSet<string> Headings(string markdown) =>
        HeadingPattern().Matches(OutsideCodeBlocks(markdown))
            .Select(m => new string(m.Groups["title"].Value.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-'))
            .ToHashSet();

    private static string OutsideCodeBlocks(string markdown) => FencePattern().Replace(markdown, string.Empty);

    private static HashSet<string> RepositoryPaths()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var directory in Directory.GetDirectories(folder).Where(d => !Ignored.Contains(Path.GetFileName(d))))
            {
                paths.Add(Relative(directory));
                paths.Add(Relative(directory) + "/");
                pending.Push(directory);
            }

            foreach (var file in Directory.GetFiles(folder))
            {
                paths.Add(Relative(file));
            }
        }

        return paths;
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegionalTraining.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"!\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
