using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegionalTraining.Web.Infrastructure.Export;

/// <summary>A table as the dashboard shows it: headings in the reader's language, then rows of text or numbers.</summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes a table as CSV (UTF-8 with a byte-order mark, so Excel reads Arabic correctly) or as a one-sheet XLSX
/// (through the Open XML SDK; docs/decisions/0003-libraries-for-export-diff-mail-excerpt.md).
/// </summary>
public static class TableExport
{
    private const uint BoldStyle = 1;

    public static byte[] ToCsv(ExportTable table)
    {
        var csv = new StringBuilder();
        // RFC 4180 lines end with CRLF, whatever the server's platform.
        csv.Append(string.Join(',', table.Headings.Select(Quote))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.Append(string.Join(',', row.Select(cell => Quote(Text(cell))))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] ToXlsx(ExportTable table)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var sheetData = new SheetData();
            sheetData.Append(Row(table.Headings.Cast<object?>().ToList(), 1, BoldStyle));
            for (var i = 0; i < table.Rows.Count; i++)
            {
                sheetData.Append(Row(table.Rows[i], (uint)i + 2, styleIndex: null));
            }

            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = SheetName(table.Title) }));
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Text a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading apostrophe, unless it is
    /// a plain number; the same rule for CSV and XLSX (OWASP "CSV injection").
    /// </summary>
    internal static string Defuse(string value) =>
        value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;

    /// <summary>Removes what XML 1.0 cannot hold (C0 controls other than tab, LF, CR; lone surrogates): one of them makes the workbook unreadable.</summary>
    internal static string XmlSafe(string value)
    {
        if (value.All(XmlConvert.IsXmlChar))
        {
            return value;
        }

        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
            {
                kept.Append(value[i]);
            }
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                kept.Append(value, i++, 2);
            }
        }

        return kept.ToString();
    }

    private static Row Row(IReadOnlyList<object?> cells, uint number, uint? styleIndex)
    {
        var row = new Row { RowIndex = number };
        for (var c = 0; c < cells.Count; c++)
        {
            var value = cells[c];
            var cell = value switch
            {
                int or long or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Text(value)) },
                double d when double.IsFinite(d) => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Text(value)) },
                null => new Cell(),
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Defuse(XmlSafe(Text(value)))) { Space = SpaceProcessingModeValues.Preserve }) },
            };
            cell.CellReference = Column(c) + number.ToString(CultureInfo.InvariantCulture);
            if (styleIndex is { } style)
            {
                cell.StyleIndex = style;
            }

            row.Append(cell);
        }

        return row;
    }

    private static string Column(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static string SheetName(string title)
    {
        var name = new string(XmlSafe(title).Where(c => !char.IsControl(c) && !"[]:*?/\\".Contains(c)).Take(31).ToArray()).Trim('\'', ' ');
        return name.Length > 0 ? name : "Sheet1";
    }

    /// <summary>Style 0 is the default; style 1 is bold, for the heading row. Excel requires the two default fills.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

    private static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Quote(string value)
    {
        value = Defuse(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
