using System.Text;
using System.Xml.Linq;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Archive;

namespace RegionalTraining.UnitTests.Meetings.Archive;

public sealed class MeetingFeedsTests
{
    private const string Base = "https://portal.example";
    private static readonly DateTime Stamp = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private static string Calendar(params CalendarEntry[] entries) => Encoding.UTF8.GetString(MeetingFeeds.Calendar(new CalendarFeed(entries, Stamp), Base));

    private static CalendarEntry Entry(string titleAr = "لقاء", Bilingual? venue = null, bool published = true) =>
        new("2023-01-20-rencontre", "Rencontre, Mirleft; bilan\\suite", titleAr, new DateOnly(2023, 1, 20), new DateOnly(2023, 1, 21), venue, published);

    [Fact]
    public void Calendar_LongArabicSummary_IsFoldedAt75OctetsWithoutSplittingALetter()
    {
        var text = Calendar(Entry(new string('ع', 60)));

        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.DoesNotContain('\uFFFD', text);
        Assert.Contains(new string('ع', 60), text.Replace("\r\n ", string.Empty));
    }

    [Fact]
    public void Calendar_Text_EscapesCommasSemicolonsAndBackslashes()
    {
        var unfolded = Calendar(Entry(venue: new Bilingual("Mirleft, Sidi-Ifni", "ميرلفت"))).Replace("\r\n ", string.Empty);

        Assert.Contains(@"SUMMARY:Rencontre\, Mirleft\; bilan\\suite — لقاء", unfolded);
        Assert.Contains(@"LOCATION:Mirleft\, Sidi-Ifni / ميرلفت", unfolded);
    }

    [Fact]
    public void Calendar_Location_IsFrenchSlashArabicEscapedAndFolded()
    {
        var venue = new Bilingual("ISTA Fadma El Bouhali, Mirleft", "المعهد المتخصص للتكنولوجيا التطبيقية فاضمة البوهالي، ميراللفت");

        var text = Calendar(Entry(venue: venue));

        Assert.All(text.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(@"LOCATION:ISTA Fadma El Bouhali\, Mirleft / المعهد المتخصص للتكنولوجيا التطبيقية فاضمة البوهالي، ميراللفت",
            text.Replace("\r\n ", string.Empty));
    }

    [Theory]
    [InlineData("Hôtel Atlas", null, "LOCATION:Hôtel Atlas\r\n")]
    [InlineData(null, "فندق الأطلس", "LOCATION:فندق الأطلس\r\n")]
    public void Calendar_LocationInOneLanguage_HasNoSeparator(string? fr, string? ar, string expected) =>
        Assert.Contains(expected, Calendar(Entry(venue: new Bilingual(fr, ar))));

    [Fact]
    public void Calendar_Event_HasUidStampAllDayDatesAndCrlfOnly()
    {
        var text = Calendar(Entry());

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain('\n', text.Replace("\r\n", string.Empty));
        Assert.Contains("\r\nVERSION:2.0\r\n", text);
        Assert.Contains("\r\nUID:2023-01-20-rencontre@portal.example\r\n", text);
        Assert.Contains("\r\nDTSTAMP:20260304T050607Z\r\n", text);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20230120\r\n", text);
        Assert.Contains("\r\nDTEND;VALUE=DATE:20230122\r\n", text);
        Assert.Contains("\r\nURL:https://portal.example/archive/2023-01-20-rencontre\r\n", text);
    }

    [Fact]
    public void Calendar_AnnouncedMeeting_HasNoAddressYet() =>
        Assert.DoesNotContain("URL:", Calendar(Entry(published: false)));

    [Fact]
    public void Atom_Entries_AreAtomWithArabicAsCharacters()
    {
        var item = new PublishedMeetingItem("2023-01-20-rencontre", "Rencontre", "لقاء ميرلفت", new DateOnly(2023, 1, 20), new DateOnly(2023, 1, 21), null, null,
            new DateTime(2023, 2, 1, 10, 0, 0), "Résumé <b>", "ملخص");

        var bytes = MeetingFeeds.Atom([item], Base);
        var text = Encoding.UTF8.GetString(bytes);
        var feed = XDocument.Parse(text);
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.Contains("لقاء ميرلفت", text);
        Assert.DoesNotContain("&#x", text);
        var entry = Assert.Single(feed.Root.Elements(atom + "entry"));
        Assert.Equal("https://portal.example/archive/2023-01-20-rencontre", entry.Element(atom + "id")!.Value);
        Assert.Equal("2023-02-01T10:00:00Z", entry.Element(atom + "updated")!.Value);
        Assert.Equal("Résumé <b>\n\nملخص", entry.Element(atom + "summary")!.Value);
        Assert.Contains(feed.Root.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == Base + "/archive/feed.atom");
    }
}
