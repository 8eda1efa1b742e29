using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>
/// A labelled field of a profile form with, under it, the binding error (the text the user typed is kept) and
/// the rule findings for that field: errors in red, warnings in amber, both in the reader's language.
/// </summary>
public static class ProfileFields
{
    public static IHtmlContent Number(this IHtmlHelper html, IStringLocalizer t, string name, int? value, string label, IssueList issues, bool readOnly = false) =>
        html.Text(t, name, value?.ToString(CultureInfo.InvariantCulture), label, issues, "text", "ltr", readOnly, numeric: true);

    /// <summary>A labelled text field named as the section input names it ("AddressFr", "Equipment[0].Name").</summary>
    public static IHtmlContent Text(
        this IHtmlHelper html, IStringLocalizer t, string name, string? value, string label, IssueList issues,
        string type = "text", string? dir = null, bool readOnly = false, bool numeric = false)
    {
        var id = IdOf(name);
        var attempted = html.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;
        var input = new TagBuilder("input");
        input.TagRenderMode = TagRenderMode.SelfClosing;
        input.Attributes["type"] = type;
        if (numeric)
        {
            input.Attributes["inputmode"] = "numeric";
        }

        if (dir is not null)
        {
            input.Attributes["dir"] = dir;
        }

        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["value"] = attempted ?? value ?? string.Empty;
        input.AddCssClass("form-control");
        if (readOnly)
        {
            input.Attributes["readonly"] = "readonly";
        }

        var messages = Messages(html, t, name, issues);
        if (messages.Errors)
        {
            input.AddCssClass("is-invalid");
        }

        if (messages.Ids.Count > 0)
        {
            input.Attributes["aria-describedby"] = string.Join(' ', messages.Ids);
        }

        var builder = new HtmlContentBuilder();
        var labelTag = new TagBuilder("label");
        labelTag.AddCssClass("form-label");
        labelTag.Attributes["for"] = id;
        labelTag.InnerHtml.Append(label);
        builder.AppendHtml(labelTag).AppendHtml(input).AppendHtml(messages.Html);
        return builder;
    }

    /// <summary>Binding errors and rule findings for a field, with ids so the input can point at them.</summary>
    public static (IHtmlContent Html, List<string> Ids, bool Errors) Messages(IHtmlHelper html, IStringLocalizer t, string name, IssueList issues)
    {
        var builder = new HtmlContentBuilder();
        var ids = new List<string>();
        var errors = false;
        var index = 0;
        if (html.ViewData.ModelState.TryGetValue(name, out var entry))
        {
            foreach (var error in entry.Errors)
            {
                builder.AppendHtml(Message(IdOf(name) + "-m" + index, "text-danger", error.ErrorMessage, ids));
                errors = true;
                index++;
            }
        }

        foreach (var issue in issues.For(name))
        {
            var text = Format(t, issue);
            var css = issue.Level == IssueLevel.Error ? "text-danger" : "text-warning-emphasis";
            builder.AppendHtml(Message(IdOf(name) + "-m" + index, css, (issue.Level == IssueLevel.Warning ? "⚠ " : string.Empty) + text, ids));
            errors |= issue.Level == IssueLevel.Error;
            index++;
        }

        if (issues.NowSaved.TryGetValue(name, out var stored))
        {
            builder.AppendHtml(Message(IdOf(name) + "-saved", "form-text text-warning-emphasis", t["Saved now: {0}", Stored(t, stored)].Value, ids));
        }

        return (builder, ids, errors);
    }

    /// <summary>A stored value as the reader would have typed or chosen it.</summary>
    public static string Stored(IStringLocalizer t, object? value) => value switch
    {
        null => "—",
        string s when string.IsNullOrWhiteSpace(s) => "—",
        bool b => b ? t["Yes"] : t["No"],
        BuildingCondition c => t.Label(c),
        EquipmentCondition c => t.Label(c),
        NeedCategory c => t.Label(c),
        Priority p => t.Label(p),
        Severity s => t.Label(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "—",
    };

    /// <summary>A finding in the reader's language; arguments that are resource keys (figure names) are translated too.</summary>
    public static string Format(IStringLocalizer t, ValidationIssue issue)
    {
        var arguments = issue.Arguments.Select(a => a is string s ? (object)t[s].Value : a).ToArray();
        return t[issue.MessageKey, arguments].Value;
    }

    public static string IdOf(string name) => name.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    private static TagBuilder Message(string id, string css, string text, List<string> ids)
    {
        var div = new TagBuilder("div");
        div.Attributes["id"] = id;
        div.AddCssClass("small");
        div.AddCssClass(css);
        div.InnerHtml.Append(text);
        ids.Add(id);
        return div;
    }
}
