using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation.ReferenceImport;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.Infrastructure.SheetFiles;

/// <summary>
/// The template of an establishments or programmes file: the data tab (headings "French / Arabic", pre-filled with
/// the rows saved now, so a file exported and imported back changes nothing) and an instructions tab listing the
/// codes and the values of the lists. <see cref="ReferenceFileReader"/> reads it back.
/// </summary>
public static class ReferenceWorkbook
{
    public static string FileName(ReferenceKind kind) => kind == ReferenceKind.Establishments ? "establishments.xlsx" : "programmes.xlsx";

    public static byte[] Write(ReferenceKind kind, IReadOnlyList<IReadOnlyDictionary<string, object?>> current, ReferenceCodes codes, SheetText text, bool rightToLeft)
    {
        var columns = ReferenceLayout.Columns(kind);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = SheetWorkbook.Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var rows = new List<List<object?>> { columns.Select(c => (object?)SheetWorkbook.Heading(text.Both(c.Label))).ToList() };
            rows.AddRange(current.Select(values => columns.Select(c => Cell(c, values.GetValueOrDefault(c.Field), text)).ToList()));
            SheetWorkbook.Add(workbook, sheets, text.In(Cultures.French, ReferenceLayout.TitleKey(kind)), rows, [], rightToLeft, hidden: false);
            SheetWorkbook.Add(workbook, sheets, text.In(Cultures.French, "Instructions"), Instructions(kind, columns, codes, text), [], rightToLeft, hidden: false);
        }

        return buffer.ToArray();
    }

    /// <summary>Choices as "French / Arabic", as the reader accepts them back.</summary>
    private static object? Cell(ReferenceColumn column, object? value, SheetText text) =>
        value is Enum choice ? text.Both(SheetLayout.ChoiceKey(choice)) : value;

    private static List<List<object?>> Instructions(ReferenceKind kind, IReadOnlyList<ReferenceColumn> columns, ReferenceCodes codes, SheetText text)
    {
        var rows = new List<List<object?>>();
        var first = kind == ReferenceKind.Establishments ? Messages.ReferenceInstructionsEstablishments : Messages.ReferenceInstructionsProgrammes;
        foreach (var key in new[] { first, Messages.ReferenceInstructionsValues, Messages.ReferenceInstructionsCsv, Messages.ReferenceInstructionsImport })
        {
            rows.Add([text.In(Cultures.French, key)]);
            rows.Add([text.In(Cultures.Arabic, key)]);
            rows.Add([]);
        }

        foreach (var column in columns.Where(c => c.Kind is ReferenceValueKind.Choice or ReferenceValueKind.Code))
        {
            var values = column.Kind == ReferenceValueKind.Choice
                ? SheetLayout.ChoicesOf(column.Choices!).Select(v => text.Both(SheetLayout.ChoiceKey(v)))
                : (column.Field switch { "ProvinceId" => codes.Provinces, "ComplexId" => codes.Complexes, _ => codes.Sectors }).Keys.Order(StringComparer.Ordinal);
            rows.Add([SheetWorkbook.Heading(text.Both(column.Label)), .. values.Select(v => (object?)v)]);
        }

        return rows;
    }
}
