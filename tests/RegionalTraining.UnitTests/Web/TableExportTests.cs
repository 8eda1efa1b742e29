using System.IO.Compression;
using System.Text;
using RegionalTraining.Web.Infrastructure.Export;

namespace RegionalTraining.UnitTests.Web;

public sealed class TableExportTests
{
    private static readonly ExportTable Table = new("Par province", ["Province", "Stagiaires"], [["Laâyoune", 120], ["العيون, \"centre\"", 80], ["=HYPERLINK(\"x\")", 1]]);

    [Fact]
    public void ToCsv_IsUtf8WithBomCrlfQuotedAndFormulaSafe()
    {
        var bytes = TableExport.ToCsv(Table);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Province,Stagiaires\r\nLaâyoune,120\r\n\"العيون, \"\"centre\"\"\",80\r\n\"'=HYPERLINK(\"\"x\"\")\",1\r\n", text);
    }

    [Fact]
    public void ToXlsx_IsAWorkbookWithNumbersAsNumbersAndTextInline()
    {
        using var zip = new ZipArchive(new MemoryStream(TableExport.ToXlsx(Table)));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();

        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        Assert.Contains("<c r=\"B2\"><v>120</v></c>", sheet);
        Assert.Contains("<c r=\"A3\" t=\"inlineStr\"><is><t>العيون, &quot;centre&quot;</t></is></c>", sheet);
        Assert.DoesNotContain("<f>", sheet);
    }
}
