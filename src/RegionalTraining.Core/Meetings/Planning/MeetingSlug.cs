namespace RegionalTraining.Core.Meetings.Planning;

/// <summary>Readable, stable public addresses: "2023-01-20-rencontre-des-directeurs-mirleft".</summary>
public static class MeetingSlug
{
    public static string For(DateOnly startsOn, string titleFr)
    {
        var folded = RegionalTraining.Core.Common.Bilingual.Normalise(titleFr);
        var words = new System.Text.StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                words.Append(c);
            }
            else if (words.Length > 0 && words[^1] != '-')
            {
                words.Append('-');
            }
        }

        var text = words.ToString().Trim('-');
        if (text.Length > 70)
        {
            text = text[..70].TrimEnd('-');
        }

        var date = startsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return text.Length == 0 ? date : $"{date}-{text}";
    }
}
