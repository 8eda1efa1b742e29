using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure.Export;

namespace RegionalTraining.IntegrationTests.Dashboards;

/// <summary>The XLSX export opens in LibreOffice Calc: formula-like text stays defused text, numbers stay numbers.</summary>
public sealed class XlsxInLibreOfficeTests
{
    // LibreOffice quotes text cells and leaves numbers bare, so the CSV shows which is which.
    [LibreOfficeFact]
    public async Task Xlsx_WithFormulaLikeTextControlCharactersAndArabic_OpensWithTheTextDefused()
    {
        var table = new ExportTable("Par province", ["Province", "Stagiaires", "Taux"], [
            ["=1+1", 120, 0.25m],
            ["@SUM(B2:B3)", -7, 1.5],
            ["\u0001+cmd|' /C calc'!A0", 0, null],
            ["العيون\u0008 – Sidi-Ifni", 80L, 2],
        ]);

        var csv = await LibreOffice.ToCsvAsync(TableExport.ToXlsx(table));

        Assert.Equal(
            "\"Province\",\"Stagiaires\",\"Taux\"\n\"'=1+1\",120,0.25\n\"'@SUM(B2:B3)\",-7,1.5\n\"'+cmd|' /C calc'!A0\",0,\n\"العيون – Sidi-Ifni\",80,2\n",
            csv.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
