using System.Net;
using System.Text;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Notifications.Digests;

/// <summary>A line of a digest: its text and, when the portal's public address is known, a link.</summary>
public sealed record DigestLine(string Text, string? Url);

/// <summary>A heading and its lines.</summary>
public sealed record DigestSection(string Heading, IReadOnlyList<DigestLine> Lines);

/// <summary>What a digest says in one language.</summary>
public sealed record DigestBody(string Intro, IReadOnlyList<DigestSection> Sections);

/// <summary>
/// Writes a digest as the other notices are written: Arabic then French, one under the other (the portal does not
/// know which language each person reads), in plain text and in HTML.
/// </summary>
public static class DigestEmail
{
    public static EmailMessage Build(string to, string subjectKey, IMessageFormatter formatter, Func<string, DigestBody> bodyIn)
    {
        var subject = formatter.Format(subjectKey, [], "ar-MA") + " / " + formatter.Format(subjectKey, [], "fr-MA");
        var arabic = bodyIn("ar-MA");
        var french = bodyIn("fr-MA");
        var text = Text(arabic) + "\n\n" + Text(french);
        var html = Html(arabic, "ar", "rtl") + Html(french, "fr", "ltr");
        return new EmailMessage(to, subject, html, text);
    }

    private static string Text(DigestBody body)
    {
        var text = new StringBuilder(body.Intro).Append('\n');
        foreach (var section in body.Sections)
        {
            text.Append('\n');
            if (section.Heading.Length > 0)
            {
                text.Append(section.Heading).Append('\n');
            }

            foreach (var line in section.Lines)
            {
                text.Append("- ").Append(line.Text);
                if (line.Url is not null)
                {
                    text.Append("\n  ").Append(line.Url);
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Html(DigestBody body, string lang, string dir)
    {
        var html = new StringBuilder($"<div lang=\"{lang}\" dir=\"{dir}\"><p>").Append(WebUtility.HtmlEncode(body.Intro)).Append("</p>");
        foreach (var section in body.Sections)
        {
            if (section.Heading.Length > 0)
            {
                html.Append("<h3>").Append(WebUtility.HtmlEncode(section.Heading)).Append("</h3>");
            }

            html.Append("<ul>");
            foreach (var line in section.Lines)
            {
                var text = WebUtility.HtmlEncode(line.Text);
                html.Append("<li>").Append(line.Url is null ? text : $"<a href=\"{WebUtility.HtmlEncode(line.Url)}\">{text}</a>").Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.Append("</div>").ToString();
    }
}
