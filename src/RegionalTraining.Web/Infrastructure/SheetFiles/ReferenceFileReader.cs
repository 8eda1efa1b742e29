using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Organisation.ReferenceImport;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.Web.ViewModels.Organisation;

namespace RegionalTraining.Web.Infrastructure.SheetFiles;

/// <summary>A file read back: its rows (or the refusal of the whole file), and where each column is ("C" in a workbook, "3" in a CSV file) by field.</summary>
public sealed record ReferenceReading(Result<IReadOnlyList<ImportRow>> Rows, IReadOnlyDictionary<string, string> Columns);

/// <summary>
/// Reads an establishments or programmes file, XLSX or CSV. A workbook goes through the sheet import's guards
/// first (<see cref="SheetReader.CheckPackage"/>: size, zip entries and unpacked size, macros; a bound on each
/// part's characters; DTDs refused; formulas refused). A CSV file must be UTF-8 (with or without BOM), comma or
/// semicolon separated. Each row is read into the single-item form, then checked with the form's attributes.
/// </summary>
public static class ReferenceFileReader
{
    public static ReferenceReading Read(IFormFile? file, ReferenceKind kind, SheetText text, ReferenceCodes codes)
    {
        if (file is null || file.Length == 0)
        {
            return Refused(Messages.ReferenceNoFile);
        }

        if (file.Length > SheetReader.MaximumBytes)
        {
            return Refused(Messages.ReferenceTooLarge, SheetReader.MaximumBytes / (1024 * 1024));
        }

        using var buffer = new MemoryStream();
        using (var upload = file.OpenReadStream())
        {
            upload.CopyTo(buffer);
        }

        return Read(buffer.ToArray(), kind, text, codes);
    }

    public static ReferenceReading Read(byte[] bytes, ReferenceKind kind, SheetText text, ReferenceCodes codes)
    {
        if (bytes.Length > SheetReader.MaximumBytes)
        {
            return Refused(Messages.ReferenceTooLarge, SheetReader.MaximumBytes / (1024 * 1024));
        }

        // "PK": a zip, so a workbook (whatever its name says); anything else must be CSV text.
        var table = bytes.Length > 1 && bytes[0] == 'P' && bytes[1] == 'K' ? Workbook(bytes, kind, text) : Csv(bytes);
        return table.Succeeded ? Rows(table.Value!, kind, text, codes) : new ReferenceReading(table.With<IReadOnlyList<ImportRow>>(), new Dictionary<string, string>());
    }

    /// <summary>A table read from the file: each row's number in the file and its cells by column (1-based).</summary>
    private sealed record Table(IReadOnlyList<(int Row, IReadOnlyDictionary<int, string> Cells)> Rows, bool Lettered);

    private static Result<Table> Workbook(byte[] bytes, ReferenceKind kind, SheetText text)
    {
        var package = SheetReader.CheckPackage(bytes);
        if (package is not null)
        {
            return Result.Invalid(FieldError.Form, package == Messages.SheetTooBig ? Messages.ReferenceUnpackedTooBig : package).With<Table>();
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = SheetReader.MaximumCharactersInPart });
            if (document.DocumentType != SpreadsheetDocumentType.Workbook)
            {
                return Result.Invalid(FieldError.Form, Messages.SheetMacros).With<Table>();
            }

            return Sheet(document, kind, text);
        }
        catch (Exception e) when (e is OpenXmlPackageException or XmlException or InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            // A damaged file, a DTD (entity expansion: refused by the SDK's XML reader) or a part over the character bound.
            return Result.Invalid(FieldError.Form, Messages.SheetNotWorkbook).With<Table>();
        }
    }

    /// <summary>The data tab (by its name in any language, else the first tab); formulas anywhere refuse the file.</summary>
    private static Result<Table> Sheet(SpreadsheetDocument document, ReferenceKind kind, SheetText text)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        foreach (var sheet in sheets)
        {
            if (workbook.GetPartById(sheet.Id!) is WorksheetPart part && part.Worksheet.Descendants<CellFormula>().FirstOrDefault() is { } formula)
            {
                return Result.Invalid(FieldError.Form, Messages.SheetFormulas, $"{sheet.Name?.Value}!{(formula.Parent as Cell)?.CellReference?.Value}").With<Table>();
            }
        }

        var names = text.Variants(ReferenceLayout.TitleKey(kind)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var data = sheets.FirstOrDefault(s => s.Name?.Value is { } n && names.Contains(n.Trim())) ?? sheets.FirstOrDefault();
        if (data is null || workbook.GetPartById(data.Id!) is not WorksheetPart dataPart)
        {
            return Result.Invalid(FieldError.Form, Messages.SheetNotWorkbook).With<Table>();
        }

        var rows = dataPart.Worksheet.Descendants<Row>().ToList();
        if (rows.Count > ReferenceLayout.MaximumRows + 1)
        {
            return Result.Invalid(FieldError.Form, Messages.ReferenceTooManyRows, ReferenceLayout.MaximumRows).With<Table>();
        }

        var table = rows.Select(r => (
                Row: (int)(r.RowIndex?.Value ?? 0),
                Cells: (IReadOnlyDictionary<int, string>)r.Elements<Cell>().Where(c => c.CellReference?.Value is not null)
                    .GroupBy(c => ColumnOf(c.CellReference!.Value!)).ToDictionary(g => g.Key, g => TextOf(g.First(), strings))))
            .ToList();
        return Result.Success(new Table(table, Lettered: true));
    }

    private static Result<Table> Csv(byte[] bytes)
    {
        string content;
        try
        {
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Result.Invalid(FieldError.Form, Messages.ReferenceNotUtf8).With<Table>();
        }

        if (content.Contains('\0', StringComparison.Ordinal))
        {
            return Result.Invalid(FieldError.Form, Messages.ReferenceNotUtf8).With<Table>();
        }

        // The separator is detected from the first lines (comma or semicolon: French Excel writes the latter).
        var options = new CsvReaderOptions { HasHeader = false, FieldCountMismatch = CsvFieldCountHandling.Allow, MalformedData = CsvMalformedDataHandling.Throw };
        var rows = new List<(int Row, IReadOnlyDictionary<int, string> Cells)>();
        try
        {
            using var reader = CsvReader.FromText(content, options);
            while (reader.Read())
            {
                if (rows.Count > ReferenceLayout.MaximumRows)
                {
                    return Result.Invalid(FieldError.Form, Messages.ReferenceTooManyRows, ReferenceLayout.MaximumRows).With<Table>();
                }

                var record = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToList();
                var formula = record.FindIndex(v => v.TrimStart().StartsWith('='));
                if (formula >= 0)
                {
                    return Result.Invalid(FieldError.Form, Messages.SheetFormulas, $"{reader.RowNumber}:{formula + 1}").With<Table>();
                }

                rows.Add(((int)reader.RowNumber, record.Select((v, i) => (v, i)).ToDictionary(x => x.i + 1, x => x.v.Trim())));
            }
        }
        catch (CsvFormatException)
        {
            return Result.Invalid(FieldError.Form, Messages.ReferenceBadCsv).With<Table>();
        }

        return Result.Success(new Table(rows, Lettered: false));
    }

    /// <summary>The first row names the columns (in French, Arabic, both or English, in any order); every column of the template must be there.</summary>
    private static ReferenceReading Rows(Table table, ReferenceKind kind, SheetText text, ReferenceCodes codes)
    {
        var headings = table.Rows.FirstOrDefault().Cells ?? new Dictionary<int, string>();
        var layout = ReferenceLayout.Columns(kind);
        var columns = new Dictionary<int, ReferenceColumn>();
        foreach (var (index, heading) in headings.Where(h => !string.IsNullOrWhiteSpace(h.Value)))
        {
            var column = layout.FirstOrDefault(c => c.Field.Equals(heading, StringComparison.OrdinalIgnoreCase)
                || text.Variants(c.Label).Contains(heading, StringComparer.OrdinalIgnoreCase));
            if (column is null || columns.ContainsValue(column))
            {
                return Refused(Messages.ReferenceUnknownColumn, heading);
            }

            columns[index] = column;
        }

        var missing = layout.Where(c => !columns.ContainsValue(c)).Select(c => text.Both(c.Label)).ToList();
        if (missing.Count > 0)
        {
            return Refused(Messages.ReferenceMissingColumns, string.Join(", ", missing));
        }

        var rows = table.Rows.Skip(1).Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            .Select(r => Row(kind, r.Row, columns.ToDictionary(c => c.Value, c => r.Cells.GetValueOrDefault(c.Key, string.Empty)), text, codes))
            .ToList();
        var where = columns.ToDictionary(c => c.Value.Field, c => table.Lettered ? SheetLayout.Column(c.Key) : c.Key.ToString(CultureInfo.InvariantCulture));
        return rows.Count == 0
            ? Refused(Messages.ReferenceEmptyFile)
            : new ReferenceReading(Result.Success<IReadOnlyList<ImportRow>>(rows), where);
    }

    /// <summary>One row into the single-item form, then the form's attributes; a cell that cannot be read is a finding on its field.</summary>
    private static ImportRow Row(ReferenceKind kind, int number, Dictionary<ReferenceColumn, string> cells, SheetText text, ReferenceCodes codes)
    {
        var form = Activator.CreateInstance(ReferenceLayout.FormOf(kind))!;
        var findings = new List<FieldError>();
        foreach (var (column, raw) in cells)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                column.Property.SetValue(form, column.Kind == ReferenceValueKind.Text && column.Property.PropertyType == typeof(string) && column.Field is "Code" or "NameFr" or "NameAr" ? string.Empty : null);
                continue;
            }

            var (value, error) = Parse(column, raw.Trim(), text, codes);
            if (error is not null)
            {
                findings.Add(new FieldError(column.Field, error, raw.Trim()));
                continue;
            }

            column.Property.SetValue(form, value);
        }

        findings.AddRange(SectionValidation.Fields(form).Where(f => findings.All(r => r.Field != f.Field)));
        var code = cells.FirstOrDefault(c => c.Key.Field == "Code").Value?.Trim() ?? string.Empty;
        var readable = findings.All(f => f.Field is not ("Type" or "ProvinceId" or "SectorId" or "Level" or "DurationMonths"));
        return form switch
        {
            EstablishmentFormViewModel e => new ImportRow(number, code, readable ? e.ToUpdate() : null, null, findings),
            ProgrammeFormViewModel p => new ImportRow(number, code, null, readable ? p.ToInput() : null, findings),
            _ => throw new InvalidOperationException("no form for " + kind),
        };
    }

    private static (object? Value, string? Error) Parse(ReferenceColumn column, string raw, SheetText text, ReferenceCodes codes)
    {
        switch (column.Kind)
        {
            case ReferenceValueKind.WholeNumber:
                return NumberInput.TryParseDecimal(raw, out var whole) && whole == decimal.Truncate(whole) && whole is >= int.MinValue and <= int.MaxValue
                    ? ((int)whole, null) : (null, Messages.SheetNotWholeNumber);
            case ReferenceValueKind.Number:
                return NumberInput.TryParseDecimal(raw, out var number) ? (number, null) : (null, Messages.SheetNotNumber);
            case ReferenceValueKind.Choice:
                var choice = SheetLayout.ChoicesOf(column.Choices!).FirstOrDefault(v =>
                    string.Equals(v.ToString(), raw, StringComparison.OrdinalIgnoreCase)
                    || text.Variants(SheetLayout.ChoiceKey(v)).Contains(raw, StringComparer.OrdinalIgnoreCase));
                return choice is null ? (null, Messages.SheetNotInList) : (choice, null);
            case ReferenceValueKind.Code:
                var list = column.Field switch { "ProvinceId" => codes.Provinces, "ComplexId" => codes.Complexes, _ => codes.Sectors };
                var message = column.Field switch { "ProvinceId" => Messages.ChooseProvince, "ComplexId" => Messages.ChooseComplex, _ => Messages.ChooseSector };
                return list.TryGetValue(raw, out var id) ? (id, null) : (null, message);
            default:
                return (raw, null);
        }
    }

    private static int ColumnOf(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1));

    private static string TextOf(Cell cell, List<string> strings)
    {
        var value = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            value = index < strings.Count ? strings[index] : null;
        }

        return value?.Trim() ?? string.Empty;
    }

    private static ReferenceReading Refused(string key, params object[] arguments) =>
        new(Result.Invalid(FieldError.Form, key, arguments).With<IReadOnlyList<ImportRow>>(), new Dictionary<string, string>());
}
