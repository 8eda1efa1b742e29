using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>Edits a downloaded workbook as a person (or an attacker) would, with the Open XML SDK or at the zip level.</summary>
internal static class SheetWorkbooks
{
    /// <summary>Tab positions of the template: instructions, the six sections, the hidden lists.</summary>
    public const int General = 1, HumanResources = 2, MaterialResources = 3, Programmes = 4, Needs = 5, Constraints = 6;

    public static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        buffer.Position = 0;
        using (var document = SpreadsheetDocument.Open(buffer, true))
        {
            edit(document);
        }

        return buffer.ToArray();
    }

    public static string TabName(SpreadsheetDocument document, int tab) =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(tab).Name!.Value!;

    public static string TabName(byte[] workbook, int tab)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return TabName(document, tab);
    }

    public static SheetData Data(SpreadsheetDocument document, int tab)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(tab);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
    }

    /// <summary>Sets a cell to a number, a text, or a formula (text starting with "=").</summary>
    public static void Set(SpreadsheetDocument document, int tab, string reference, object value)
    {
        var data = Data(document, tab);
        var rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()));
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowIndex);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                after.InsertAfterSelf(row);
            }
        }

        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            row.Append(cell);
        }

        cell.RemoveAllChildren();
        switch (value)
        {
            case string s when s.StartsWith('='):
                cell.DataType = null;
                cell.Append(new CellFormula(s[1..]), new CellValue("0"));
                break;
            case string s:
                cell.DataType = CellValues.InlineString;
                cell.Append(new InlineString(new Text(s)));
                break;
            default:
                cell.DataType = CellValues.Number;
                cell.Append(new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));
                break;
        }
    }

    /// <summary>Replaces (or adds) one entry of the zip, below the Open XML SDK: how a hostile file is made.</summary>
    public static byte[] WithEntry(byte[] workbook, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var stream = zip.CreateEntry(name, level).Open();
            stream.Write(content);
        }

        return buffer.ToArray();
    }

    public static string EntryText(byte[] workbook, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The path in the zip of a tab's worksheet part.</summary>
    public static string PartName(byte[] workbook, int tab)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(tab);
        return document.WorkbookPart.GetPartById(sheet.Id!).Uri.OriginalString.TrimStart('/');
    }
}
