using System.Collections;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.Core.Profiles.SheetImport;

namespace RegionalTraining.Web.Infrastructure.SheetFiles;

/// <summary>
/// A workbook read back: the sections' inputs (or the refusal of the whole file), and the cell of every field
/// ("Ressources humaines!C4"), keyed by <see cref="SheetReader.Key"/>, so each finding names its cell.
/// </summary>
public sealed record SheetReading(Result<SheetContent> Content, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Reads an uploaded workbook of the yearly sheet. The file is checked before any XML is parsed (size, zip
/// entries and their unpacked sizes, macros), then opened with a bound on each part's characters; a workbook
/// with formulas, missing tabs, moved rows or too many rows is refused as a whole, with the reason.
/// </summary>
public static class SheetReader
{
    public const int MaximumBytes = 2 * 1024 * 1024;

    public const long MaximumUnpackedBytes = 30L * 1024 * 1024;

    public const int MaximumEntries = 200;

    public const long MaximumCharactersInPart = 10_000_000;

    public static string Key(ProfileSection section, string field) => section + "|" + field;

    public static SheetReading Read(IFormFile? file, SheetText text)
    {
        if (file is null || file.Length == 0)
        {
            return Refused(Messages.SheetNoFile);
        }

        if (file.Length > MaximumBytes)
        {
            return Refused(Messages.SheetTooLarge, MaximumBytes / (1024 * 1024));
        }

        using var buffer = new MemoryStream();
        using (var upload = file.OpenReadStream())
        {
            upload.CopyTo(buffer);
        }

        return Read(buffer.ToArray(), text);
    }

    public static SheetReading Read(byte[] bytes, SheetText text)
    {
        if (bytes.Length > MaximumBytes)
        {
            return Refused(Messages.SheetTooLarge, MaximumBytes / (1024 * 1024));
        }

        var package = CheckPackage(bytes);
        if (package is not null)
        {
            return Refused(package);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaximumCharactersInPart });
            if (document.DocumentType != SpreadsheetDocumentType.Workbook)
            {
                return Refused(Messages.SheetMacros);
            }

            return ReadWorkbook(document, text);
        }
        catch (Exception e) when (e is OpenXmlPackageException or XmlException or InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            // A damaged file, a DTD (entity expansion: refused by the SDK's XML reader) or a part over the character bound.
            return Refused(Messages.SheetNotWorkbook);
        }
    }

    /// <summary>What the zip says of itself, before any of its XML is read: a zip bomb or a macro part is refused here.</summary>
    internal static string? CheckPackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaximumEntries || zip.Entries.Sum(e => e.Length) > MaximumUnpackedBytes)
            {
                return Messages.SheetTooBig;
            }

            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return Messages.SheetMacros;
            }

            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null)
            {
                return Messages.SheetNotWorkbook;
            }

            using var reader = new StreamReader(types.Open());
            return reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) ? Messages.SheetMacros : null;
        }
        catch (InvalidDataException)
        {
            return Messages.SheetNotWorkbook;
        }
    }

    private static SheetReading ReadWorkbook(SpreadsheetDocument document, SheetText text)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

        foreach (var sheet in sheets)
        {
            if (workbook.GetPartById(sheet.Id!) is not WorksheetPart part)
            {
                continue;
            }

            var rows = part.Worksheet.Descendants<Row>().Count();
            if (rows > SheetTab.MaximumRows + SheetTab.FirstRow)
            {
                return Refused(Messages.SheetTooManyRows, sheet.Name?.Value ?? string.Empty, SheetTab.MaximumRows);
            }

            if (part.Worksheet.Descendants<CellFormula>().FirstOrDefault() is { } formula)
            {
                return Refused(Messages.SheetFormulas, $"{sheet.Name?.Value}!{(formula.Parent as Cell)?.CellReference?.Value}");
            }
        }

        var found = new Dictionary<ProfileSection, (string Name, Dictionary<string, string> Cells)>();
        var missing = new List<string>();
        foreach (var tab in SheetLayout.Tabs)
        {
            var names = text.TabNames(tab.Section).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var sheet = sheets.FirstOrDefault(s => s.Name?.Value is { } n && names.Contains(n.Trim()));
            if (sheet is null || workbook.GetPartById(sheet.Id!) is not WorksheetPart part)
            {
                missing.Add(text.TabName(tab.Section));
                continue;
            }

            found[tab.Section] = (sheet.Name!.Value!, part.Worksheet.Descendants<Cell>()
                .Where(c => c.CellReference?.Value is not null)
                .GroupBy(c => c.CellReference!.Value!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key.ToUpperInvariant(), g => TextOf(g.First(), strings)));
        }

        if (missing.Count > 0)
        {
            return Refused(Messages.SheetMissingTabs, string.Join(", ", missing));
        }

        var reading = new Reading(text);
        foreach (var tab in SheetLayout.Tabs)
        {
            var shape = reading.Read(tab, found[tab.Section].Name, found[tab.Section].Cells);
            if (shape is not null)
            {
                return new SheetReading(Result.Invalid([shape]).With<SheetContent>(), reading.Cells);
            }
        }

        return new SheetReading(Result.Success(reading.Content()), reading.Cells);
    }

    private static string TextOf(Cell cell, List<string> strings)
    {
        var value = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            value = index < strings.Count ? strings[index] : null;
        }

        return value?.Trim() ?? string.Empty;
    }

    private static SheetReading Refused(string key, params object[] arguments) =>
        new(Result.Invalid(FieldError.Form, key, arguments).With<SheetContent>(), new Dictionary<string, string>());

    /// <summary>The values of one workbook as they are read, tab by tab, with the cell of each field and what could not be read.</summary>
    private sealed class Reading(SheetText text)
    {
        private readonly Dictionary<ProfileSection, object> inputs = [];
        private readonly List<string?> programmeCodes = [];
        private readonly List<ValidationIssue> issues = [];

        public Dictionary<string, string> Cells { get; } = [];

        public SheetContent Content() => new(
            (GeneralInput)inputs[ProfileSection.General], (HumanResourcesInput)inputs[ProfileSection.HumanResources],
            (MaterialResourcesInput)inputs[ProfileSection.MaterialResources], (ProgrammesInput)inputs[ProfileSection.Programmes],
            programmeCodes, (NeedsInput)inputs[ProfileSection.Needs], (ConstraintsInput)inputs[ProfileSection.Constraints], issues);

        /// <summary>Reads one tab into its input; a label out of place means the rows were moved: the whole file is refused.</summary>
        public FieldError? Read(SheetTab tab, string name, Dictionary<string, string> cells)
        {
            Cells[Key(tab.Section, string.Empty)] = name;
            var input = Activator.CreateInstance(tab.InputType)!;
            for (var i = 0; i < tab.Fields.Count; i++)
            {
                var field = tab.Fields[i];
                var row = SheetTab.FirstRow + i;
                var label = cells.GetValueOrDefault(SheetLayout.Cell(1, row), string.Empty);
                if (!text.Variants(field.Label).Contains(label) && !text.Variants(field.Label).Contains(cells.GetValueOrDefault(SheetLayout.Cell(2, row), string.Empty)))
                {
                    return new FieldError(FieldError.Form, Messages.SheetWrongShape, $"{name}!{SheetLayout.Cell(1, row)}", text.Both(field.Label));
                }

                Set(tab.Section, input, field, field.Name, cells.GetValueOrDefault(SheetLayout.Cell(3, row), string.Empty), $"{name}!{SheetLayout.Cell(3, row)}");
            }

            if (tab.Rows is not null)
            {
                for (var c = 0; c < tab.Columns.Count; c++)
                {
                    var heading = SheetLayout.Cell(tab.TableColumn + c, 1);
                    if (cells.GetValueOrDefault(heading, string.Empty) != text.Both(tab.Columns[c].Label))
                    {
                        return new FieldError(FieldError.Form, Messages.SheetWrongShape, $"{name}!{heading}", text.Both(tab.Columns[c].Label));
                    }
                }

                var list = (IList)Activator.CreateInstance(tab.Rows.PropertyType)!;
                var last = cells.Keys.Select(RowOf).DefaultIfEmpty(0).Max();
                for (var r = SheetTab.FirstRow; r <= last; r++)
                {
                    var values = tab.Columns.Select((f, c) => cells.GetValueOrDefault(SheetLayout.Cell(tab.TableColumn + c, r), string.Empty)).ToList();
                    if (values.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    var item = Activator.CreateInstance(tab.RowType!)!;
                    var prefix = $"{tab.Rows.Name}[{list.Count}].";
                    for (var c = 0; c < tab.Columns.Count; c++)
                    {
                        Set(tab.Section, item, tab.Columns[c], prefix + tab.Columns[c].Name, values[c], $"{name}!{SheetLayout.Cell(tab.TableColumn + c, r)}");
                    }

                    list.Add(item);
                }

                tab.Rows.SetValue(input, list);
            }

            inputs[tab.Section] = input;
            return null;
        }

        private void Set(ProfileSection section, object target, SheetField field, string key, string raw, string cell)
        {
            Cells[Key(section, key)] = cell;
            if (field.Kind == SheetValueKind.ProgrammeCode)
            {
                programmeCodes.Add(string.IsNullOrWhiteSpace(raw) ? null : raw.Split(" — ")[0].Trim());
                return;
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                return;
            }

            var (value, error) = Parse(field, raw.Trim());
            if (error is not null)
            {
                issues.Add(new ValidationIssue(section, key, IssueLevel.Error, error, raw.Trim()));
                return;
            }

            field.Property.SetValue(target, value);
        }

        private (object? Value, string? Error) Parse(SheetField field, string raw)
        {
            switch (field.Kind)
            {
                case SheetValueKind.WholeNumber:
                    return NumberInput.TryParseDecimal(raw, out var whole) && whole == decimal.Truncate(whole) && whole is >= int.MinValue and <= int.MaxValue
                        ? ((int)whole, null) : (null, Messages.SheetNotWholeNumber);
                case SheetValueKind.Number:
                    return NumberInput.TryParseDecimal(raw, out var number) ? (number, null) : (null, Messages.SheetNotNumber);
                case SheetValueKind.YesNo:
                    return text.Variants("Yes").Contains(raw, StringComparer.OrdinalIgnoreCase) || raw is "1" or "TRUE" ? (true, null)
                        : text.Variants("No").Contains(raw, StringComparer.OrdinalIgnoreCase) || raw is "0" or "FALSE" ? (false, null)
                        : (null, Messages.SheetNotInList);
                case SheetValueKind.Choice:
                    var choice = SheetLayout.ChoicesOf(field.Choices!).FirstOrDefault(v =>
                        string.Equals(v.ToString(), raw, StringComparison.OrdinalIgnoreCase)
                        || text.Variants(SheetLayout.ChoiceKey(v)).Contains(raw, StringComparer.OrdinalIgnoreCase));
                    return choice is null ? (null, Messages.SheetNotInList) : (choice, null);
                default:
                    return (raw, null);
            }
        }

        private static int RowOf(string reference) =>
            int.TryParse(new string(reference.SkipWhile(char.IsLetter).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }
}
