using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.SheetImport;
using RegionalTraining.Web.Infrastructure.Export;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.Infrastructure.SheetFiles;

/// <summary>
/// Writes the yearly sheet's workbook (Open XML SDK, decision 0003): an instructions tab, one tab per section
/// pre-filled with the sheet as it stands, drop-down lists (data validation) for programmes, categories and
/// conditions read from a hidden lists tab, headings in French and Arabic. <see cref="SheetReader"/> reads it back.
/// </summary>
public static class SheetWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeadingStyle = 1;

    public static string FileName(SheetTemplate template) =>
        string.Create(CultureInfo.InvariantCulture, $"sheet-{template.Profile.Summary.EstablishmentId}-{template.Profile.Summary.YearLabel.Replace('/', '-')}.xlsx");

    public static byte[] Write(SheetTemplate template, SheetText text, bool rightToLeft)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            var lists = Lists(template, text);
            Add(workbook, sheets, text.In(Cultures.French, "Instructions"), Instructions(template, text), [], rightToLeft, hidden: false);
            foreach (var tab in SheetLayout.Tabs)
            {
                var (rows, validations) = Section(tab, template, text, lists);
                Add(workbook, sheets, text.TabName(tab.Section), rows, validations, rightToLeft, hidden: false);
            }

            Add(workbook, sheets, SheetLayout.ListsTab, ListRows(lists), [], rightToLeft: false, hidden: true);
        }

        return buffer.ToArray();
    }

    /// <summary>The text a value of a drop-down list shows: "French / Arabic" for a choice, "CODE — name" for a programme.</summary>
    public static string ProgrammeText(string code, string nameFr) => code + " — " + nameFr;

    private sealed record ListColumn(string Key, IReadOnlyList<string> Values, int Column)
    {
        public string Reference => $"'{SheetLayout.ListsTab}'!${SheetLayout.Column(Column)}$1:${SheetLayout.Column(Column)}${Math.Max(1, Values.Count)}";
    }

    private static Dictionary<string, ListColumn> Lists(SheetTemplate template, SheetText text)
    {
        var lists = new Dictionary<string, ListColumn>();
        var column = 1;
        lists["programmes"] = new ListColumn("programmes", template.Catalogue.Select(p => ProgrammeText(p.Code, p.NameFr)).ToList(), column++);
        lists["yesno"] = new ListColumn("yesno", [text.Both("Yes"), text.Both("No")], column++);
        foreach (var type in SheetLayout.ChoiceTypes)
        {
            lists[type.Name] = new ListColumn(type.Name, SheetLayout.ChoicesOf(type).Select(v => text.Both(SheetLayout.ChoiceKey(v))).ToList(), column++);
        }

        return lists;
    }

    private static List<List<object?>> ListRows(Dictionary<string, ListColumn> lists)
    {
        var rows = new List<List<object?>>();
        var width = lists.Values.Max(l => l.Column);
        for (var i = 0; i < lists.Values.Max(l => l.Values.Count); i++)
        {
            var row = Enumerable.Repeat<object?>(null, width).ToList();
            foreach (var list in lists.Values.Where(l => i < l.Values.Count))
            {
                row[list.Column - 1] = list.Values[i];
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<List<object?>> Instructions(SheetTemplate template, SheetText text)
    {
        var summary = template.Profile.Summary;
        var rows = new List<List<object?>>
        {
            new() { Heading(text.In(Cultures.French, Messages.SheetInstructionsTitle, summary.EstablishmentNameFr, summary.YearLabel)) },
            new() { Heading(text.In(Cultures.Arabic, Messages.SheetInstructionsTitle, summary.EstablishmentNameAr, summary.YearLabel)) },
            new(),
        };
        foreach (var key in new[] { Messages.SheetInstructionsFill, Messages.SheetInstructionsRows, Messages.SheetInstructionsIds, Messages.SheetInstructionsImport })
        {
            rows.Add([text.In(Cultures.French, key)]);
            rows.Add([text.In(Cultures.Arabic, key)]);
            rows.Add([]);
        }

        return rows;
    }

    private static (List<List<object?>> Rows, List<DataValidation> Validations) Section(
        SheetTab tab, SheetTemplate template, SheetText text, Dictionary<string, ListColumn> lists)
    {
        var input = InputOf(tab.Section, template.Profile);
        var rows = new List<List<object?>>();
        var validations = new List<DataValidation>();
        var width = tab.TableColumn - 1 + tab.Columns.Count;
        List<object?> Row(int index)
        {
            while (rows.Count <= index)
            {
                rows.Add(Enumerable.Repeat<object?>(null, Math.Max(3, width)).ToList());
            }

            return rows[index];
        }

        if (tab.Fields.Count > 0 && tab.Rows is null || tab.TableColumn > 1)
        {
            Row(0)[0] = Heading(text.In(Cultures.French, "Field"));
            Row(0)[1] = Heading(text.In(Cultures.Arabic, "Field"));
            Row(0)[2] = Heading(text.Both("Value"));
            for (var i = 0; i < tab.Fields.Count; i++)
            {
                var field = tab.Fields[i];
                var row = Row(SheetTab.FirstRow - 1 + i);
                row[0] = text.In(Cultures.French, field.Label);
                row[1] = text.In(Cultures.Arabic, field.Label);
                row[2] = Value(field, field.Property.GetValue(input), template, text);
                Validate(validations, field, lists, SheetLayout.Cell(3, SheetTab.FirstRow + i));
            }
        }

        if (tab.Rows is not null)
        {
            var items = ((System.Collections.IList)tab.Rows.GetValue(input)!).Cast<object>().ToList();
            for (var c = 0; c < tab.Columns.Count; c++)
            {
                var field = tab.Columns[c];
                Row(0)[tab.TableColumn - 1 + c] = Heading(text.Both(field.Label));
                var column = SheetLayout.Column(tab.TableColumn + c);
                Validate(validations, field, lists, $"{column}{SheetTab.FirstRow}:{column}{SheetTab.FirstRow + SheetTab.MaximumRows - 1}");
                for (var r = 0; r < items.Count; r++)
                {
                    Row(SheetTab.FirstRow - 1 + r)[tab.TableColumn - 1 + c] = Value(field, field.Property.GetValue(items[r]), template, text);
                }
            }
        }

        return (rows, validations);
    }

    private static object InputOf(ProfileSection section, ProfileView view) => section switch
    {
        ProfileSection.General => view.Inputs.General,
        ProfileSection.HumanResources => view.Inputs.HumanResources,
        ProfileSection.MaterialResources => view.Inputs.MaterialResources,
        ProfileSection.Programmes => view.Inputs.Programmes,
        ProfileSection.Needs => view.Needs,
        _ => view.Constraints,
    };

    private static object? Value(SheetField field, object? value, SheetTemplate template, SheetText text) => (field.Kind, value) switch
    {
        (_, null) => null,
        (SheetValueKind.ProgrammeCode, int id) => template.Catalogue.FirstOrDefault(p => p.Id == id) is { } p ? ProgrammeText(p.Code, p.NameFr)
            : template.Profile.ProgrammeNames.TryGetValue(id, out var name) ? ProgrammeText(name.Code, name.NameFr) : null,
        (SheetValueKind.YesNo, bool b) => text.Both(b ? "Yes" : "No"),
        (SheetValueKind.Choice, Enum e) => text.Both(SheetLayout.ChoiceKey(e)),
        (SheetValueKind.WholeNumber or SheetValueKind.Number, _) => value,
        _ => value.ToString(),
    };

    private static void Validate(List<DataValidation> validations, SheetField field, Dictionary<string, ListColumn> lists, string range)
    {
        var list = field.Kind switch
        {
            SheetValueKind.ProgrammeCode => lists["programmes"],
            SheetValueKind.YesNo => lists["yesno"],
            SheetValueKind.Choice => lists[field.Choices!.Name],
            _ => null,
        };
        if (list is not null)
        {
            validations.Add(new DataValidation
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                Formula1 = new Formula1(list.Reference),
            });
        }
    }

    internal sealed record HeadingText(string Text);

    internal static HeadingText Heading(string text) => new(text);

    internal static void Add(WorkbookPart workbook, DocumentFormat.OpenXml.Spreadsheet.Sheets sheets, string name, List<List<object?>> rows, List<DataValidation> validations, bool rightToLeft, bool hidden)
    {
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is { } value)
                {
                    row.Append(CellOf(value, SheetLayout.Cell(c + 1, r + 1)));
                }
            }

            data.Append(row);
        }

        var part = workbook.AddNewPart<WorksheetPart>();
        var widths = Enumerable.Range(1, Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count)))
            .Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = 28, CustomWidth = true });
        var worksheet = new Worksheet(new SheetViews(new SheetView { WorkbookViewId = 0, RightToLeft = rightToLeft }), new Columns(widths), data);
        if (validations.Count > 0)
        {
            worksheet.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        }

        part.Worksheet = worksheet;
        sheets.Append(new Sheet
        {
            Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name,
            State = hidden ? SheetStateValues.Hidden : null,
        });
    }

    private static Cell CellOf(object value, string reference) => value switch
    {
        HeadingText h => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(TableExport.XmlSafe(h.Text))), StyleIndex = HeadingStyle },
        int or decimal => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!), DataType = CellValues.Number },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(TableExport.XmlSafe(value.ToString() ?? string.Empty))) },
    };

    internal static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { WrapText = true } }) { Count = 2 });
}
