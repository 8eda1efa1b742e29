using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// The Mirleft director fills his sheet offline: downloads the workbook, the test fills it (Open XML SDK) with
/// one hard error and one warning, the dry run names the cells, the fixed file is confirmed into the draft, and
/// the same file a third time changes nothing (earlier years of Mirleft, which no other journey uses).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SheetImportJourneyTests(BrowserPortal portal)
{
    private const int HumanResources = 2, Programmes = 4, Lists = 7;

    [Theory]
    [InlineData("ar-MA", 2023)]
    [InlineData("fr-MA", 2022)]
    public async Task Workbook_FilledOffline_DryRunThenConfirmThenNoChange(string locale, int startYear)
    {
        await Campaigns.EnsureOpenAsync(portal, startYear);
        var page = await portal.NewPageAsync(locale);
        await portal.SignInAsync(page, "director.mirleft@demo.local");
        await page.GotoAsync("/Profiles");
        await Documents.FollowAsync(
            page,
            () => page.Locator("tr", new() { HasText = TrainingYear.FormatLabel(startYear) }).Locator("button[type=submit]").ClickAsync(),
            url => url.EndsWith("/General", StringComparison.Ordinal));
        var profileUrl = page.Url[..page.Url.LastIndexOf('/')];

        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("#sheet-workbook"),
            url => url.EndsWith("/Sheet/Import", StringComparison.Ordinal));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#sheet-template"));
        var template = await File.ReadAllBytesAsync(await download.PathAsync());
        // Two trainers, five of them women (a hard error); 200 trainees for two trainers (a warning on the ratio).
        var wrong = Edit(template, d =>
        {
            Set(d, HumanResources, "C2", 2);
            Set(d, HumanResources, "C3", 5);
            Set(d, Programmes, "A2", FirstListValue(d));
            Set(d, Programmes, "C2", 250);
            Set(d, Programmes, "D2", 200);
        });
        var hrTab = TabName(wrong, HumanResources);

        await UploadAsync(page, wrong);
        var issues = await page.InnerTextAsync("#dry-run-issues");
        Assert.Contains($"{hrTab}!C3", issues);
        Assert.Contains(Localized(locale, Messages.WomenAboveTotal, 2), issues);
        Assert.Equal(1, await page.Locator("#dry-run-issues .text-bg-danger").CountAsync());
        Assert.True(await page.Locator("#dry-run-issues .text-bg-warning").CountAsync() >= 1);
        Assert.Equal(0, await page.Locator("#sheet-confirm").CountAsync());
        await BrowserPortal.ScreenshotAsync(page, "sheet-import-01-errors." + locale);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var fixedFile = Edit(wrong, d => Set(d, HumanResources, "C3", 1));
        await UploadAsync(page, fixedFile);
        Assert.Contains($"{hrTab}!C2", await page.InnerTextAsync("#dry-run-changes"));
        await BrowserPortal.ScreenshotAsync(page, "sheet-import-02-dry-run." + locale);
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("#sheet-confirm"),
            url => url.EndsWith("/Review", StringComparison.Ordinal));
        Assert.Contains(Localized(locale, Messages.SheetImported), await page.InnerTextAsync("main"));
        await page.GotoAsync(profileUrl + "/HumanResources");
        Assert.Equal("2", await page.InputValueAsync("#PermanentTrainers"));
        Assert.Equal("1", await page.InputValueAsync("#PermanentTrainersWomen"));

        await page.GotoAsync(profileUrl + "/Sheet/Import");
        await UploadAsync(page, fixedFile);
        await page.Locator("#sheet-no-change").WaitForAsync();
        Assert.Equal(0, await page.Locator("#sheet-confirm").CountAsync());
        await BrowserPortal.ScreenshotAsync(page, "sheet-import-03-no-change." + locale);
        await page.Context.CloseAsync();
    }

    private string Localized(string locale, string key, params object[] arguments)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(locale);
            return portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static async Task UploadAsync(IPage page, byte[] workbook)
    {
        await page.SetInputFilesAsync("#sheet-file", new FilePayload
        {
            Name = "fiche.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = workbook,
        });
        await page.ClickAsync("#sheet-upload");
        await page.Locator("#dry-run").WaitForAsync();
    }

    private static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
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

    private static WorksheetPart Part(SpreadsheetDocument document, int tab) =>
        (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().ElementAt(tab).Id!);

    private static string TabName(byte[] workbook, int tab)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(tab).Name!.Value!;
    }

    /// <summary>The first programme of the drop-down list, as a person would pick it.</summary>
    private static string FirstListValue(SpreadsheetDocument document) =>
        Part(document, Lists).Worksheet.Descendants<Cell>().First(c => c.CellReference == "A1").InnerText;

    private static void Set(SpreadsheetDocument document, int tab, string reference, object value)
    {
        var data = Part(document, tab).Worksheet.GetFirstChild<SheetData>()!;
        var rowIndex = uint.Parse(reference[1..], CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            data.Append(row);
        }

        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            row.Append(cell);
        }

        cell.RemoveAllChildren();
        if (value is string text)
        {
            cell.DataType = CellValues.InlineString;
            cell.Append(new InlineString(new Text(text)));
        }
        else
        {
            cell.DataType = CellValues.Number;
            cell.Append(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!));
        }
    }
}
