using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
    public void ToXlsx_ReadBackWithTheOpenXmlSdk_HasNumbersAsNumbersArabicIntactAndABoldHeading()
    {
        var rows = Read(TableExport.ToXlsx(Table), out var sheetName, out var headingBold);

        Assert.Equal("Par province", sheetName);
        Assert.True(headingBold);
        Assert.Equal([("Province", false), ("Stagiaires", false)], rows[0]);
        Assert.Equal([("Laâyoune", false), ("120", true)], rows[1]);
        Assert.Equal([("العيون, \"centre\"", false), ("80", true)], rows[2]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("Sidi-Ifni", "Sidi-Ifni")]
    public void ToXlsx_FormulaLikeText_IsDefusedLikeTheCsv(string text, string expected)
    {
        var table = new ExportTable("t", ["a"], [[text]]);

        var cell = Read(TableExport.ToXlsx(table), out _, out _)[1][0];
        var csvLine = Encoding.UTF8.GetString(TableExport.ToCsv(table).AsSpan(3)).Split("\r\n")[1];
        var csvField = csvLine.StartsWith('"') ? csvLine[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : csvLine;

        // XML reads a carriage return inside text back as a line feed: the prefix is what matters.
        Assert.Equal((expected, false), (cell.Text.Replace('\n', '\r'), cell.Number));
        Assert.Equal(expected, csvField);
    }

    [Fact]
    public void ToXlsx_XmlInvalidControlCharacters_AreRemovedAndTheWorkbookOpens()
    {
        var table = new ExportTable("Par\u0001 province", ["Nom\u0000"], [["a\u0001b\u0008c\u000Bd\u001Fe\uFFFEf"], ["\u0002=1+1"], ["ligne 1\nligne 2"], ["\uD83D\uDE00 \uD800x"]]);

        var rows = Read(TableExport.ToXlsx(table), out var sheetName, out _);

        Assert.Equal("Par province", sheetName);
        Assert.Equal("Nom", rows[0][0].Text);
        Assert.Equal("abcdef", rows[1][0].Text);
        Assert.Equal("'=1+1", rows[2][0].Text);
        Assert.Equal("ligne 1\nligne 2", rows[3][0].Text);
        Assert.Equal("\uD83D\uDE00 x", rows[4][0].Text);
    }

    /// <summary>Each row as (text, is a number); also the sheet's name and whether the first row's style is bold.</summary>
    private static List<List<(string Text, bool Number)>> Read(byte[] xlsx, out string sheetName, out bool headingBold)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        sheetName = sheet.Name!.Value!;
        var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var rows = worksheet.Worksheet.Descendants<Row>().ToList();
        var headingStyle = rows[0].Elements<Cell>().First().StyleIndex?.Value ?? 0;
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)headingStyle);
        headingBold = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0)).Bold is not null;
        return rows.Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
            ? (c.InlineString!.InnerText, false)
            : (c.CellValue!.Text, c.DataType is null || c.DataType.Value == CellValues.Number)).ToList()).ToList();
    }
}
