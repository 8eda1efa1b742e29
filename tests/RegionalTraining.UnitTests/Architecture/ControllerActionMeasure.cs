using System.Text;
using System.Text.RegularExpressions;

namespace RegionalTraining.UnitTests.Architecture;

/// <summary>One method of a controller: where it starts (its first attribute line) and how many lines it spans.</summary>
internal sealed record ControllerMember(string File, string Controller, string Name, int Line, int Lines, bool IsAction, string Body)
{
    public string Location => $"{File}:{Line}";
}

/// <summary>An action with the private helpers it reaches (directly or through other helpers), as reviewers count it.</summary>
internal sealed record ActionWithHelpers(ControllerMember Action, IReadOnlyList<ControllerMember> Helpers)
{
    public int Lines => Action.Lines + Helpers.Sum(h => h.Lines);
}

/// <summary>
/// Measures controller methods from their source text. Roslyn is not referenced by the solution and this rule does not
/// justify a package, so the text is read with comments, strings and character literals blanked (lines kept), which
/// leaves braces, brackets and parentheses that balance.
/// </summary>
internal static partial class ControllerActionMeasure
{
    private static readonly HashSet<string> NotPrivate = ["public", "protected", "internal"];

    /// <summary>Every method of every class named <c>*Controller</c> in one file's text.</summary>
    public static IReadOnlyList<ControllerMember> Members(string file, string text)
    {
        var code = Blank(text);
        var members = new List<ControllerMember>();
        foreach (Match declaration in ClassPattern().Matches(code))
        {
            var open = code.IndexOf('{', declaration.Index);
            if (open < 0)
            {
                continue;
            }

            members.AddRange(MembersOf(file, declaration.Groups["name"].Value, code, open + 1, Matching(code, open)));
        }

        return members;
    }

    /// <summary>
    /// Each public action with every private helper of its controller it reaches, directly or through other helpers,
    /// shared ones included: a reader of the action reads them all.
    /// </summary>
    public static IReadOnlyList<ActionWithHelpers> WithHelpers(IReadOnlyList<ControllerMember> members) =>
        members.GroupBy(m => m.Controller).SelectMany(Helpers).ToList();

    /// <summary>Blanks comments, strings and character literals so that only code is left, line breaks kept.</summary>
    public static string Blank(string text)
    {
        var code = new StringBuilder(text);
        var i = 0;
        while (i < text.Length)
        {
            var end = LiteralEnd(text, i);
            if (end == i)
            {
                i++;
                continue;
            }

            for (var j = i; j < end; j++)
            {
                code[j] = text[j] is '\n' or '\r' ? text[j] : ' ';
            }

            i = end;
        }

        return code.ToString();
    }

    private static IEnumerable<ControllerMember> MembersOf(string file, string controller, string code, int from, int to)
    {
        var start = -1;
        var depth = 0;
        var arrow = false;
        for (var i = from; i < to; i++)
        {
            var c = code[i];
            if (start < 0 && !char.IsWhiteSpace(c))
            {
                start = i;
                arrow = false;
            }

            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (depth == 0 && c == '=' && i + 1 < to && code[i + 1] == '>')
            {
                arrow = true;
            }
            else if (depth == 0 && c == '{' && !arrow)
            {
                var close = Matching(code, i);
                var next = NextCode(code, close + 1, to);
                i = next < to && code[next] == '=' ? code.IndexOf(';', close) : close;
                if (Member(file, controller, code, start, i) is { } member)
                {
                    yield return member;
                }

                start = -1;
            }
            else if (depth == 0 && c == '{')
            {
                i = Matching(code, i);
            }
            else if (depth == 0 && c == ';')
            {
                if (Member(file, controller, code, start, i) is { } member)
                {
                    yield return member;
                }

                start = -1;
            }
        }
    }

    private static ControllerMember? Member(string file, string controller, string code, int start, int end)
    {
        var text = code[start..(end + 1)];
        var header = AttributesPattern().Replace(text, string.Empty);
        var signature = SignaturePattern().Match(header);
        if (!signature.Success || signature.Groups["name"].Value == controller)
        {
            return null;
        }

        var modifiers = signature.Groups["modifiers"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var isAction = modifiers.Contains("public") && !modifiers.Contains("static") && !text.Contains("NonAction", StringComparison.Ordinal);
        if (!isAction && modifiers.Any(NotPrivate.Contains))
        {
            return null;
        }

        var line = LineOf(code, start);
        return new ControllerMember(file, controller, signature.Groups["name"].Value, line, LineOf(code, end) - line + 1, isAction, text);
    }

    private static IEnumerable<ActionWithHelpers> Helpers(IEnumerable<ControllerMember> controller)
    {
        var members = controller.ToList();
        var helpers = members.Where(m => !m.IsAction).ToList();
        var names = helpers.Select(h => h.Name).Distinct().ToList();
        var calls = members.ToDictionary(m => m, m => names.Where(n => Calls(m.Body, n)).ToHashSet());
        foreach (var action in members.Where(m => m.IsAction))
        {
            var reached = Reached(action, calls, helpers);
            yield return new ActionWithHelpers(action, helpers.Where(h => reached.Contains(h.Name)).ToList());
        }
    }

    private static HashSet<string> Reached(ControllerMember action, Dictionary<ControllerMember, HashSet<string>> calls, List<ControllerMember> helpers)
    {
        var reached = new HashSet<string>();
        var pending = new Queue<string>(calls[action]);
        while (pending.TryDequeue(out var name))
        {
            if (!reached.Add(name))
            {
                continue;
            }

            foreach (var next in helpers.Where(h => h.Name == name).SelectMany(h => calls[h]))
            {
                pending.Enqueue(next);
            }
        }

        return reached;
    }

    /// <summary>A use of the name as this class's member: not after a dot, unless the dot follows <c>this</c>.</summary>
    private static bool Calls(string body, string name) =>
        Regex.Matches(body, $@"(?<![\w@])(?<this>this\s*\.\s*)?{Regex.Escape(name)}\b")
            .Any(m => m.Groups["this"].Success || !PrecededByDot(body, m.Index));

    private static bool PrecededByDot(string body, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(body[i]))
        {
            i--;
        }

        return i >= 0 && body[i] is '.' or '?';
    }

    private static int NextCode(string code, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(code[from]))
        {
            from++;
        }

        return from;
    }

    private static int Matching(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            depth += code[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Unbalanced brace at {open}.");
    }

    private static int LineOf(string code, int index) => code.AsSpan(0, index).Count('\n') + 1;

    /// <summary>Where the comment or literal starting at <paramref name="i"/> ends (exclusive); <paramref name="i"/> when none starts there.</summary>
    private static int LiteralEnd(string text, int i)
    {
        var rest = text.AsSpan(i);
        if (rest.StartsWith("//") || (text[i] == '#' && StartsLine(text, i)))
        {
            var end = text.IndexOf('\n', i);
            return end < 0 ? text.Length : end;
        }

        if (rest.StartsWith("/*"))
        {
            return text.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
        }

        if (text[i] == '\'')
        {
            var j = i + 1;
            while (text[j] != '\'')
            {
                j += text[j] == '\\' ? 2 : 1;
            }

            return j + 1;
        }

        var prefix = 0;
        while (i + prefix < text.Length && text[i + prefix] is '$' or '@')
        {
            prefix++;
        }

        if (i + prefix >= text.Length || text[i + prefix] != '"' || (prefix > 0 && i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_')))
        {
            return i;
        }

        var quote = i + prefix;
        var quotes = 0;
        while (quote + quotes < text.Length && text[quote + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            var fence = new string('"', quotes);
            return text.IndexOf(fence, quote + quotes, StringComparison.Ordinal) + quotes;
        }

        return StringEnd(text, quote + 1, text.AsSpan(i, prefix).Contains('@'), text.AsSpan(i, prefix).Contains('$'));
    }

    /// <summary>Only whitespace precedes the index on its line (a preprocessor directive).</summary>
    private static bool StartsLine(string text, int i)
    {
        var lineStart = i == 0 ? 0 : text.LastIndexOf('\n', i - 1) + 1;
        return text.AsSpan(lineStart, i - lineStart).IsWhiteSpace();
    }

    private static int StringEnd(string text, int j, bool verbatim, bool interpolated)
    {
        while (j < text.Length)
        {
            var c = text[j];
            if (!verbatim && c == '\\')
            {
                j += 2;
            }
            else if (c == '"' && verbatim && j + 1 < text.Length && text[j + 1] == '"')
            {
                j += 2;
            }
            else if (c == '"')
            {
                return j + 1;
            }
            else if (interpolated && c == '{' && j + 1 < text.Length && text[j + 1] == '{')
            {
                j += 2;
            }
            else if (interpolated && c == '{')
            {
                j = HoleEnd(text, j + 1);
            }
            else
            {
                j++;
            }
        }

        return j;
    }

    /// <summary>The end of an interpolation hole, stepping over nested literals so their braces do not count.</summary>
    private static int HoleEnd(string text, int j)
    {
        var depth = 1;
        while (depth > 0)
        {
            var end = LiteralEnd(text, j);
            if (end > j)
            {
                j = end;
                continue;
            }

            depth += text[j] switch { '{' => 1, '}' => -1, _ => 0 };
            j++;
        }

        return j;
    }

    [GeneratedRegex(@"\b(?:class|record)\s+(?<name>\w+Controller)\b")]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^\s*(?:\[(?>[^\[\]]+|\[(?<d>)|\](?<-d>))*\]\s*)+")]
    private static partial Regex AttributesPattern();

    [GeneratedRegex(@"^\s*(?<modifiers>(?:(?:public|private|protected|internal|static|async|override|virtual|sealed|new|unsafe|extern|partial)\s+)*)(?!(?:return|await|var|new)\b)[\w<>\[\],.?\s()]+?\s+(?<name>\w+)\s*(?:<[^()]*>)?\s*\(")]
    private static partial Regex SignaturePattern();
}
