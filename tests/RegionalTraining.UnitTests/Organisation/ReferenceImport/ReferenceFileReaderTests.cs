using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Organisation.ReferenceImport;
using RegionalTraining.Web.Infrastructure.SheetFiles;

namespace RegionalTraining.UnitTests.Organisation.ReferenceImport;

/// <summary>Files of establishments and programmes, CSV and XLSX, read into the single-item forms' inputs with the forms' rules.</summary>
public sealed class ReferenceFileReaderTests
{
    public ReferenceFileReaderTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-MA");

    /// <summary>Answers each key with itself, tagged by culture, so French and Arabic texts differ as they do in the resources.</summary>
    private sealed class TaggedLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName + ":" + name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly SheetText Text = new(new TaggedLocalizer());

    private static readonly ReferenceCodes Codes = new(
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["SIF"] = 3 },
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["CX-SIF-MIR"] = 5 },
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["DIGITAL"] = 2 },
        new Dictionary<int, int> { [3] = 1 });

    private const string Headings = "Code,Type,ProvinceId,ComplexId,NameFr,NameAr,TownFr,TownAr,AddressFr,AddressAr,Phone,Email,Latitude,Longitude,OpeningYear";

    private const string Mirleft = "ISTA-MIR,ISTA,SIF,CX-SIF-MIR,ISTA Fadma El Bouhali,المعهد المتخصص فاضمة البوهالي,Mirleft,ميرلفت,\"Quartier administratif, Mirleft\",الحي الإداري,+212 528-00-00-01,ista@example.ma,29.5806,-10.0364,2005";

    private static ReferenceReading Csv(string text, string separator = ",", bool bom = false)
    {
        var content = separator == "," ? text : text.Replace(",", separator);
        var bytes = Encoding.UTF8.GetBytes(content);
        return ReferenceFileReader.Read(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes, ReferenceKind.Establishments, Text, Codes);
    }

    private static string Refusal(ReferenceReading reading)
    {
        Assert.False(reading.Rows.Succeeded);
        return Assert.Single(reading.Rows.Errors).MessageKey;
    }

    [Theory]
    [InlineData(",", false)]
    [InlineData(";", false)]
    [InlineData(",", true)]
    [InlineData(";", true)]
    public void Csv_CommaOrSemicolon_WithOrWithoutBom_ReadsTheRowWithArabicIntact(string separator, bool bom)
    {
        var reading = Csv(Headings + "\n" + Mirleft + "\n", separator, bom);

        var row = Assert.Single(reading.Rows.Value!);
        Assert.Empty(row.Findings);
        Assert.Equal(2, row.Row);
        var input = row.Establishment!;
        Assert.Equal(("ISTA-MIR", EstablishmentType.ISTA, 3, 5), (input.Code, input.Type, input.ProvinceId, input.ComplexId));
        Assert.Equal("المعهد المتخصص فاضمة البوهالي", input.NameAr);
        Assert.Equal("ميرلفت", input.TownAr);
        Assert.Equal((29.5806m, -10.0364m, 2005), (input.Latitude!.Value, input.Longitude!.Value, input.OpeningYear!.Value));
        Assert.StartsWith("Quartier administratif", input.AddressFr);
        Assert.Equal("3", reading.Columns["ProvinceId"]);
    }

    [Fact]
    public void Csv_HeadingsInFrenchOrArabicAndInAnyOrder_AreRecognised()
    {
        var columns = Headings.Split(',');
        var headings = columns.Select((c, i) => i % 2 == 0 ? "fr:" + Label(c) : "ar:" + Label(c)).Reverse();
        var values = Mirleft.Replace("\"Quartier administratif, Mirleft\"", "Quartier").Split(',').Reverse();

        var reading = Csv(string.Join(',', headings) + "\n" + string.Join(',', values));

        Assert.Equal("ISTA-MIR", Assert.Single(reading.Rows.Value!).Establishment!.Code);
    }

    private static string Label(string field) => ReferenceLayout.Columns(ReferenceKind.Establishments).Single(c => c.Field == field).Label;

    [Fact]
    public void Row_BreakingTheFormsRules_HasAFindingPerField_WithTheFormsMessages()
    {
        var broken = Mirleft.Replace("ista@example.ma", "not an e-mail").Replace(",SIF,", ",XXX,").Replace("29.5806", "beaucoup").Replace("ISTA-MIR,ISTA", "ISTA MIR!,ISTA");

        var row = Assert.Single(Csv(Headings + "\n" + broken).Rows.Value!);

        var findings = row.Findings.ToDictionary(f => f.Field, f => f.MessageKey);
        Assert.Equal("Enter a valid e-mail address.", findings["Email"]);
        Assert.Equal(Messages.ChooseProvince, findings["ProvinceId"]);
        Assert.Equal(Messages.SheetNotNumber, findings["Latitude"]);
        Assert.Equal("Use letters, digits and dashes only.", findings["Code"]);
    }

    [Fact]
    public void Row_WithoutItsRequiredNames_IsRefusedByTheFormsRequiredRule()
    {
        var row = Assert.Single(Csv(Headings + "\nISTA-X,ISTA,SIF,,,,,,,,,,,,\n").Rows.Value!);

        Assert.Contains(row.Findings, f => f.Field == "NameFr" && f.MessageKey == "The {0} field is required.");
        Assert.Null(row.Establishment?.ComplexId);
    }

    [Fact]
    public void Csv_NotUtf8_IsRefused()
    {
        // "مدينة" in Windows-1256, as an old Excel "CSV" saves Arabic.
        byte[] bytes = [.. Encoding.ASCII.GetBytes(Headings + "\nX,ISTA,SIF,,"), 0xE3, 0xCF, 0xED, 0xE4, 0xC9, .. Encoding.ASCII.GetBytes(",b,,,,,,,,,\n")];

        Assert.Equal(Messages.ReferenceNotUtf8, Refusal(ReferenceFileReader.Read(bytes, ReferenceKind.Establishments, Text, Codes)));
    }

    [Fact]
    public void Csv_WithAFormula_IsRefused() =>
        Assert.Equal(Messages.SheetFormulas, Refusal(Csv(Headings + "\n" + Mirleft.Replace("2005", "=1+1"))));

    [Fact]
    public void Csv_WithAnUnknownColumn_IsRefused() =>
        Assert.Equal(Messages.ReferenceUnknownColumn, Refusal(Csv(Headings + ",Budget\n" + Mirleft + ",1")));

    [Fact]
    public void Csv_WithoutAColumn_IsRefused_RatherThanEmptyingItsField() =>
        Assert.Equal(Messages.ReferenceMissingColumns, Refusal(Csv(Headings.Replace(",Phone", string.Empty) + "\n" + Mirleft.Replace(",+212 528-00-00-01", string.Empty))));

    [Fact]
    public void Csv_OverTheRowLimit_IsRefused() =>
        Assert.Equal(Messages.ReferenceTooManyRows, Refusal(Csv(Headings + "\n" + string.Concat(Enumerable.Repeat(Mirleft + "\n", ReferenceLayout.MaximumRows + 1)))));

    [Fact]
    public void Workbook_Template_ReadsBackIntoTheSameValues()
    {
        var saved = new Dictionary<string, object?>
        {
            ["Code"] = "TS-DEV", ["SectorId"] = "DIGITAL", ["Level"] = TrainingLevel.SpecialisedTechnician,
            ["NameFr"] = "Développement digital", ["NameAr"] = "التطوير الرقمي", ["DurationMonths"] = 24,
        };
        var workbook = ReferenceWorkbook.Write(ReferenceKind.Programmes, [saved], Codes, Text, rightToLeft: true);

        var reading = ReferenceFileReader.Read(workbook, ReferenceKind.Programmes, Text, Codes);

        var row = Assert.Single(reading.Rows.Value!);
        Assert.Empty(row.Findings);
        Assert.Equal(new ProgrammeInput("TS-DEV", 2, TrainingLevel.SpecialisedTechnician, "Développement digital", "التطوير الرقمي", 24, true), row.Programme);
        Assert.Equal("C", reading.Columns["Level"]);
    }

    [Fact]
    public void Workbook_RenamedCsv_IsReadAsText_AndAZipIsNeverReadAsCsv()
    {
        Assert.Equal(Messages.SheetNotWorkbook, Refusal(ReferenceFileReader.Read("PK not a zip"u8.ToArray(), ReferenceKind.Programmes, Text, Codes)));
    }
}
