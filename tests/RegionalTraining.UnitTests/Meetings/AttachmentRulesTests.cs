using System.Text;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.UnitTests.Meetings;

public sealed class AttachmentRulesTests
{
    [Fact]
    public void Sniff_RecognisesJpegPngAndPdfByTheirFirstBytes()
    {
        Assert.Equal("image/jpeg", AttachmentRules.Sniff([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/png", AttachmentRules.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
        Assert.Equal("application/pdf", AttachmentRules.Sniff("%PDF-1.7"u8));
    }

    [Fact]
    public void Sniff_RefusesHtmlAndScriptsWhateverTheirName() =>
        Assert.Null(AttachmentRules.Sniff("<html><script>alert(1)</script>"u8));

    [Theory]
    [InlineData("../../etc/passwd", "application/pdf", "passwd.pdf")]
    [InlineData("C:\\photos\\réunion.jpg", "image/jpeg", "réunion.jpg")]
    [InlineData("a\"b\r\n.pdf", "application/pdf", "ab.pdf")]
    [InlineData("re:po*rt?<>|.pdf", "application/pdf", "report.pdf")]
    [InlineData("محضر الاجتماع.pdf", "application/pdf", "محضر الاجتماع.pdf")]
    [InlineData("صورة جماعية.PNG", "image/png", "صورة جماعية.PNG")]
    [InlineData("photo.jpeg", "image/jpeg", "photo.jpeg")]
    [InlineData(".htaccess", "application/pdf", "htaccess.pdf")]
    [InlineData("rapport.pdf. . ", "application/pdf", "rapport.pdf")]
    public void NameFor_KeepsOnlyASafeFileName(string name, string type, string expected) =>
        Assert.Equal(expected, AttachmentRules.NameFor(name, type));

    [Theory]
    [InlineData("report.html", "application/pdf", "report.pdf")]
    [InlineData("rapport.PDF.html", "application/pdf", "rapport.PDF.pdf")]
    [InlineData("photo.png", "image/jpeg", "photo.jpg")]
    [InlineData("scan", "application/pdf", "scan.pdf")]
    [InlineData("compte rendu 12.03", "application/pdf", "compte rendu 12.03.pdf")]
    [InlineData("تقرير.htm", "application/pdf", "تقرير.pdf")]
    public void NameFor_EndsWithTheExtensionOfTheDetectedType(string name, string type, string expected) =>
        Assert.Equal(expected, AttachmentRules.NameFor(name, type));

    [Theory]
    [InlineData("facture\u202Efdp.exe", "facturefdp.pdf")]
    [InlineData("\u202Bتقرير\u202C\u200F.pdf", "تقرير.pdf")]
    [InlineData("a\u200Eb\u2066c\u2067d\u2068e\u2069f\u202Ag\u202Dh\u061Ci.pdf", "abcdefghi.pdf")]
    [InlineData("line\u2028break.pdf", "linebreak.pdf")]
    public void NameFor_StripsBidiControls(string name, string expected) =>
        Assert.Equal(expected, AttachmentRules.NameFor(name, "application/pdf"));

    [Theory]
    [InlineData("", "application/pdf", "document.pdf")]
    [InlineData("  ..  ", "application/pdf", "document.pdf")]
    [InlineData("\u202E\u0001.png", "image/png", "photo.png")]
    [InlineData("dossier/", "image/jpeg", "photo.jpg")]
    public void NameFor_WithNothingLeft_GivesADefaultName(string name, string type, string expected) =>
        Assert.Equal(expected, AttachmentRules.NameFor(name, type));

    [Fact]
    public void NameFor_CapsTheLengthToTheColumnAndKeepsTheExtension()
    {
        var name = AttachmentRules.NameFor(new string('م', 500) + ".html", "application/pdf");

        Assert.Equal(AttachmentRules.NameMaxLength, name.Length);
        Assert.EndsWith("م.pdf", name);
    }

    [Fact]
    public void NameFor_NeverCutsACharacterOutsideTheBasicPlaneInTwo()
    {
        var name = AttachmentRules.NameFor("a" + string.Concat(Enumerable.Repeat("😀", 150)) + ".png", "image/png");

        Assert.True(name.Length <= AttachmentRules.NameMaxLength);
        Assert.DoesNotContain(name.EnumerateRunes(), r => r == Rune.ReplacementChar);
        Assert.EndsWith("😀.png", name);
    }

    [Fact]
    public void NameFor_DropsHalvesOfBrokenSurrogatePairs() =>
        Assert.Equal("ab.pdf", AttachmentRules.NameFor("a\uD83Db.pdf", "application/pdf"));

    [Fact]
    public void ServedInline_OnlyForPhotos()
    {
        Assert.True(AttachmentRules.ServedInline("image/png"));
        Assert.False(AttachmentRules.ServedInline("application/pdf"));
    }

    [Fact]
    public void LimitedStream_StopsPastTheLimit()
    {
        var target = new MemoryStream();
        var limited = new LimitedStream(target, 5);

        Assert.Throws<LimitReachedException>(() => limited.Write(new byte[8], 0, 8));
        Assert.Equal(5, target.Length);
    }

    [Fact]
    public void FileStore_RefusesANameThatIsNotGenerated() =>
        Assert.Throws<ArgumentException>(() => new FileSystemAttachmentStore(Path.GetTempPath()).Open("../secret"));
}
