using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>
/// A labelled field of a profile form with, under it, the binding error (the text the user typed is kept) and
/// the rule findings for that field: errors in red, warnings in amber, both in the reader's language.
/// </summary>
public static class ProfileFields
{
    public static IHtmlContent Number(this IHtmlHelper html, IStringLocalizer t, string name, int? value, string label, IssueList issues, bool readOnly = false)
    {
        var id = IdOf(name);
        var attempted = html.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;
        var input = new TagBuilder("input");
        input.TagRenderMode = TagRenderMode.SelfClosing;
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        input.Attributes["dir"] = "ltr";
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["value"] = attempted ?? value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
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

        return (builder, ids, errors);
    }

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
