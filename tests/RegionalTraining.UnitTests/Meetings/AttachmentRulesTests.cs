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
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\photos\\réunion.jpg", "réunion.jpg")]
    [InlineData("a\"b\r\n.pdf", "ab.pdf")]
    [InlineData("", "file")]
    public void CleanName_KeepsOnlyASafeFileName(string name, string expected) =>
        Assert.Equal(expected, AttachmentRules.CleanName(name));

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
