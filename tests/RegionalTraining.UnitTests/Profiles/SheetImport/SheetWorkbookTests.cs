using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.Core.Profiles.SheetImport;
using RegionalTraining.Web.Infrastructure.SheetFiles;

namespace RegionalTraining.UnitTests.Profiles.SheetImport;

/// <summary>The workbook written from a sheet reads back into the same inputs; cells that cannot be read are findings with their cell.</summary>
public sealed class SheetWorkbookTests
{
    // The reader's language at download: tabs are named in it (and recognised in any of the three).
    public SheetWorkbookTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-MA");

    /// <summary>Answers each key with itself, tagged by culture, so French and Arabic texts differ as they do in the resources.</summary>
    private sealed class TaggedLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName + ":" + name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly SheetText Text = new(new TaggedLocalizer());

    private static readonly ProgrammeOption Programme = new(7, "TSGE", "Gestion des entreprises", "تسيير المقاولات", TrainingLevel.SpecialisedTechnician);

    private static SheetTemplate Template(ProfileInputs inputs, NeedsInput? needs = null) => new(
        new ProfileView(
            new ProfileSummary(1, 2, "ISTA Mirleft", "معهد ميرلفت", "2025/2026", ProfileStatus.Draft, false, null),
            inputs, needs ?? new NeedsInput(), new ConstraintsInput(), new Dictionary<ProfileSection, SectionState>(), [],
            new ProfilePermissions(true, true, false, false, false), new Dictionary<int, ProgrammeName>()),
        [Programme]);

    private static readonly ProfileInputs Filled = new(
        new GeneralInput { AddressFr = "Route de Tiznit", Phone = "0528 00 00 00", OpeningYear = 2005, HasCanteen = true, BuildingCondition = BuildingCondition.Fair },
        new HumanResourcesInput { PermanentTrainers = 14, PermanentTrainersWomen = 6, VacantOtherPosts = 1 },
        new MaterialResourcesInput { Classrooms = 9, Computers = 30, Equipment = [new EquipmentRowInput { Name = "Tour CNC", Quantity = 2, Condition = EquipmentCondition.NeedsRepair }] },
        new ProgrammesInput { Programmes = [new ProgrammeRowInput { ProgrammeId = 7, Groups = 3, Capacity = 90, FirstYearTrainees = 45, FirstYearWomen = 20 }] });

    [Fact]
    public void WrittenWorkbook_ReadsBackIntoTheSameInputs()
    {
        var needs = new NeedsInput { Needs = [new NeedRowInput { Id = 12, Category = NeedCategory.Digital, Description = "Imprimante 3D", EstimatedCostMad = 15000.5m, Priority = Priority.High }] };
        var bytes = SheetWorkbook.Write(Template(Filled, needs), Text, rightToLeft: true);

        var reading = SheetReader.Read(bytes, Text);

        Assert.True(reading.Content.Succeeded, string.Join("; ", reading.Content.Errors.Select(e => e.MessageKey)));
        var content = reading.Content.Value!;
        Assert.Empty(content.ReadIssues);
        Assert.Equal(Filled.General, content.General);
        Assert.Equal(Filled.HumanResources, content.HumanResources);
        Assert.Equal(Filled.MaterialResources.Computers, content.MaterialResources.Computers);
        Assert.Equal(Filled.MaterialResources.Equipment, content.MaterialResources.Equipment);
        Assert.Equal(["TSGE"], content.ProgrammeCodes);
        Assert.Equal(Filled.Programmes.Programmes[0] with { ProgrammeId = null }, content.Programmes.Programmes[0]);
        Assert.Equal(needs.Needs, content.Needs.Needs);
    }

    [Fact]
    public void TextInANumberCell_IsAFindingOnItsCell()
    {
        var bytes = Edit(SheetWorkbook.Write(Template(Filled), Text, rightToLeft: false), tab: 2, "C2", "douze");

        var reading = SheetReader.Read(bytes, Text);

        var issue = Assert.Single(reading.Content.Value!.ReadIssues);
        Assert.Equal((ProfileSection.HumanResources, nameof(HumanResourcesInput.PermanentTrainers), "douze"), (issue.Section, issue.Field, (string)issue.Arguments[0]));
        Assert.Matches("^fr:ProfileSection\\.HumanResource.*!C2$", reading.Cells[SheetReader.Key(ProfileSection.HumanResources, issue.Field)]);
    }

    [Theory]
    [InlineData("fr:BuildingCondition.Good / ar:BuildingCondition.Good")]
    [InlineData("ar:BuildingCondition.Good")]
    [InlineData("Good")]
    public void ChoiceCell_IsReadInEitherLanguageOrByName(string typed)
    {
        var bytes = Edit(SheetWorkbook.Write(Template(Filled), Text, rightToLeft: false), tab: 1, "C9", typed);

        var content = SheetReader.Read(bytes, Text).Content.Value!;

        Assert.Equal(BuildingCondition.Good, content.General.BuildingCondition);
    }

    [Fact]
    public void MovedRow_RefusesTheWholeWorkbook()
    {
        // Both labels of the row read something else: a row was inserted or moved above it.
        var bytes = Edit(Edit(SheetWorkbook.Write(Template(Filled), Text, rightToLeft: false), tab: 2, "A3", "autre chose"), tab: 2, "B3", "شيء آخر");

        var reading = SheetReader.Read(bytes, Text);

        Assert.Equal(RegionalTraining.Core.Common.Messages.SheetWrongShape, Assert.Single(reading.Content.Errors).MessageKey);
    }

    [Fact]
    public void SectionValidation_ReportsTheFieldsLimitsWithTheirBounds()
    {
        var issues = SectionValidation.Check(ProfileSection.Programmes, new ProgrammesInput { Programmes = [new ProgrammeRowInput { Capacity = -1 }] }).ToList();

        var issue = Assert.Single(issues);
        Assert.Equal(("Programmes[0].Capacity", "The number must be between {1} and {2}."), (issue.Field, issue.MessageKey));
        Assert.Equal(["Places", 0, SectionLimits.Count], issue.Arguments);
    }

    [Fact]
    public void MatchRows_RowWithoutNumber_TakesTheStoredRowWithTheSameDescriptionOnce()
    {
        NeedRowInput Row(int? id, string text) => new() { Id = id, Description = text };

        var matched = SheetImportService.MatchRows(
            [Row(null, "Internat"), Row(null, "Internat"), Row(99, "Autre")], [Row(5, "Internat")], r => r.Id, r => r.Description, (r, id) => r with { Id = id });

        Assert.Equal([5, null, null], matched.Select(r => r.Id));
    }

    private static byte[] Edit(byte[] workbook, int tab, string reference, string text)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        buffer.Position = 0;
        using (var document = SpreadsheetDocument.Open(buffer, true))
        {
            var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(tab);
            var cell = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
            cell.RemoveAllChildren();
            cell.DataType = CellValues.InlineString;
            cell.Append(new InlineString(new Text(text)));
        }

        return buffer.ToArray();
    }
}
