using Xunit.Sdk;

namespace RegionalTraining.UnitTests.Architecture;

/// <summary>
/// Controllers authorize, call one service and map. Reviewers measure an action from its first attribute line to its
/// closing brace, blank lines included, and count every private helper of the controller an action calls (directly or
/// through other helpers, shared ones included) as part of that action.
/// </summary>
public sealed class ControllerActionLengthTests
{
    private const int ActionLimit = 20;
    private const int ActionWithHelpersLimit = 30;

    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void EveryControllerAction_FromFirstAttributeToClosingBrace_IsAtMost20Lines()
    {
        var members = ControllerMembers();

        Assert.Contains(members, m => m.IsAction && m.Controller == "ProvincesController" && m.Name == "Edit");
        AssertActionsShort(members);
    }

    [Fact]
    public void EveryControllerAction_WithEveryPrivateHelperItCalls_IsAtMost30Lines()
    {
        AssertActionsWithHelpersShort(ControllerMembers());
    }

    [Fact]
    public void Measure_CountsAttributesAndBlankLines_ButNotTheDocComment()
    {
        var action = Assert.Single(Measure(Sample(bodyLines: 3)), m => m.IsAction);

        Assert.Equal(("Save", 5, 10), (action.Name, action.Line, action.Lines));
    }

    [Fact]
    public void Measure_IgnoresBracesInStringsCharactersAndComments()
    {
        const string body = """"
                    var a = "}{"; var b = '}'; var c = @"{""}"; // }
                    var d = $"{(a.Length > 0 ? "}" : "{")} {{"; /* { */
                    var e = $$"""{{a}}}""";
            """";

        var members = Measure(Sample(bodyLines: 0, extra: body + "\n"));

        Assert.Equal(["Save", "Helper"], members.Select(m => m.Name));
        Assert.Equal(10, members[0].Lines);
    }

    [Fact]
    public void AssertActionsShort_OnA21LineAction_FailsNamingFileLineAndCount()
    {
        var fitting = Measure(Sample(bodyLines: 13));
        var tooLong = Measure(Sample(bodyLines: 14));

        AssertActionsShort(fitting);
        var failure = Assert.Throws<TrueException>(() => AssertActionsShort(tooLong));
        Assert.Contains("Sample.cs:5 SampleController.Save: 21 lines", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertActionsWithHelpersShort_CountsEveryHelperAnActionReaches_SharedOnesIncluded()
    {
        const string source = """
            public sealed class SampleController : Controller
            {
                [HttpGet]
                public IActionResult One() => Shared(Own());

                [HttpPost]
                public IActionResult Two()
                {
                    return Shared(null);
                }

                private object Own() => this.Deeper();

                private object Deeper()
                {
                    return new object();
                }

                private IActionResult Shared(object? value) => View(value);

                private object Unused() => other.Own();
            }
            """;

        var measured = ControllerActionMeasure.WithHelpers(ControllerActionMeasure.Members("Sample.cs", source));

        var one = measured.Single(a => a.Action.Name == "One");
        var two = measured.Single(a => a.Action.Name == "Two");
        Assert.Equal(["Own", "Deeper", "Shared"], one.Helpers.Select(h => h.Name));
        Assert.Equal(2 + 1 + 4 + 1, one.Lines);
        Assert.Equal(["Shared"], two.Helpers.Select(h => h.Name));
        Assert.Equal(5 + 1, two.Lines);
    }

    [Fact]
    public void AssertActionsWithHelpersShort_OnAnActionAndItsHelperOver30Lines_Fails()
    {
        var fitting = Measure(Sample(bodyLines: 12, helperLines: 8));
        var tooLong = Measure(Sample(bodyLines: 12, helperLines: 9));

        AssertActionsWithHelpersShort(fitting);
        var failure = Assert.Throws<TrueException>(() => AssertActionsWithHelpersShort(tooLong));
        Assert.Contains("SampleController.Save with Helper: 31 lines", failure.Message, StringComparison.Ordinal);
    }

    private static void AssertActionsShort(IEnumerable<ControllerMember> members)
    {
        var offenders = members.Where(m => m.IsAction && m.Lines > ActionLimit)
            .Select(m => $"{m.Location} {m.Controller}.{m.Name}: {m.Lines} lines").ToList();

        Assert.True(offenders.Count == 0,
            $"Actions longer than {ActionLimit} lines (first attribute to closing brace); move mapping into the view model, "
            + "redisplay into a shared helper, validation into the service:\n" + string.Join('\n', offenders));
    }

    private static void AssertActionsWithHelpersShort(IReadOnlyList<ControllerMember> members)
    {
        var offenders = ControllerActionMeasure.WithHelpers(members)
            .Where(a => a.Lines > ActionWithHelpersLimit)
            .Select(a => $"{a.Action.Location} {a.Action.Controller}.{a.Action.Name} with "
                + $"{string.Join(", ", a.Helpers.Select(h => h.Name))}: {a.Lines} lines").ToList();

        Assert.True(offenders.Count == 0,
            $"Actions longer than {ActionWithHelpersLimit} lines with the private helpers they call; move filter/scope resolution, "
            + "tables and file responses into Core services, view models (FromX/ToInput) or shared infrastructure (ResultResponses, "
            + "TableFiles):\n" + string.Join('\n', offenders));
    }

    /// <summary>
    /// A controller whose action <c>Save</c> starts at line 5 and spans 7 lines plus <paramref name="bodyLines"/>,
    /// followed by a helper of 3 plus <paramref name="helperLines"/> lines that only <c>Save</c> calls.
    /// </summary>
    private static string Sample(int bodyLines, int helperLines = 0, string extra = "") =>
        "public sealed class SampleController(IService service) : Controller\n"
        + "{\n"
        + "    private readonly int field = 1;\n"
        + "    /// <summary>Not counted.</summary>\n"
        + "    [HttpPost]\n"
        + "    [ValidateAntiForgeryToken]\n"
        + "    public async Task<IActionResult> Save(int id, CancellationToken cancellationToken)\n"
        + "    {\n"
        + extra
        + string.Concat(Enumerable.Repeat("        service.Touch(id);\n", bodyLines))
        + "\n"
        + "        return Helper(id);\n"
        + "    }\n"
        + "\n"
        + "    private IActionResult Helper(int id)\n"
        + "    {\n"
        + string.Concat(Enumerable.Repeat("        service.Touch(id);\n", helperLines))
        + "        return Ok(); }\n"
        + "}\n";

    private static List<ControllerMember> Measure(string source) => ControllerActionMeasure.Members("Sample.cs", source).ToList();

    private static List<ControllerMember> ControllerMembers()
    {
        var folder = Path.Combine(Root, "src", "RegionalTraining.Web", "Controllers");
        return Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ControllerActionMeasure.Members(
                Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
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
