using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>The sheet's workbook on ITA Tan-Tan's draft: template, dry run, confirmation, and the files refused as a whole.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class SheetImportTests(RegionalTrainingFactory factory)
{
    private const string Director = "director.tan-tan@test.local";
    private const string Establishment = "ITA-TAN-TAN";
    private const int Year = 2025;

    private async Task<(HttpClient Director, int ProfileId)> DraftAsync()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Users.AnyAsync(u => u.Email == Director))
            {
                var establishment = await factory.EstablishmentIdAsync(Establishment);
                var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
                    .CreateAsync(new AccountInput(Director, "Directeur Tan-Tan", Roles.EstablishmentDirector, null, [establishment]), RegionalTrainingFactory.Password);
                Assert.True(created.Succeeded);
            }
        }

        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var director = await factory.SignedInClientAsync(Director);
        return (director, await ProfileFixtures.StartAsync(factory, director, Establishment, Year));
    }

    private static async Task<byte[]> TemplateAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/Profiles/{id}/Sheet/Template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(HttpClient client, int id, byte[] workbook, string fileName = "fiche.xlsx")
    {
        var token = TokenOf(await client.GetStringAsync($"/Profiles/{id}/Sheet/Import"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync($"/Profiles/{id}/Sheet/Import", form);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, int id, string html)
    {
        var importId = ImportIdPattern().Match(html);
        Assert.True(importId.Success, "the dry run offers no confirmation");
        return await client.PostAsync($"/Profiles/{id}/Sheet/Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(html),
            ["importId"] = importId.Groups[1].Value,
        }));
    }

    private Task<(int Events, int? Trainers, int Needs)> StateAsync(int id) => factory.WithDbAsync(async db => (
        await db.ProfileEvents.CountAsync(e => e.ProfileId == id),
        await db.Profiles.Where(p => p.Id == id).Select(p => p.PermanentTrainers).SingleAsync(),
        await db.Needs.CountAsync(n => n.ProfileId == id)));

    [Fact]
    public async Task Template_HasATabPerSectionAndDropDownLists()
    {
        var (director, id) = await DraftAsync();

        var bytes = await TemplateAsync(director, id);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(8, sheets.Count);
        Assert.Equal(SheetStateValues.Hidden, sheets[^1].State?.Value);
        var programmes = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[SheetWorkbooks.Programmes].Id!);
        Assert.NotEmpty(programmes.Worksheet.Descendants<DataValidation>());
        Assert.Empty(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
    }

    [Fact]
    public async Task Import_SameWorkbookTwice_SavesTheDraftOnceThenChangesNothing()
    {
        var (director, id) = await DraftAsync();
        var trainers = ((await StateAsync(id)).Trainers ?? 0) + 7;
        var workbook = SheetWorkbooks.Edit(await TemplateAsync(director, id), d =>
        {
            SheetWorkbooks.Set(d, SheetWorkbooks.HumanResources, "C2", trainers);
            SheetWorkbooks.Set(d, SheetWorkbooks.Needs, "B2", "Equipment");
            SheetWorkbooks.Set(d, SheetWorkbooks.Needs, "C2", "Imprimante 3D " + trainers);
        });
        var tab = SheetWorkbooks.TabName(workbook, SheetWorkbooks.HumanResources);

        var (dryRun, html) = await UploadAsync(director, id, workbook);
        var before = await StateAsync(id);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Contains($"{tab}!C2", html);
        var confirmed = await ConfirmAsync(director, id, html);
        var afterFirst = await StateAsync(id);
        var (again, secondHtml) = await UploadAsync(director, id, workbook);
        var afterSecond = await StateAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(trainers, afterFirst.Trainers);
        Assert.Equal(before.Needs + 1, afterFirst.Needs);
        Assert.Equal(ProfileStatus.Draft, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("id=\"sheet-no-change\"", secondHtml);
        Assert.DoesNotMatch(ImportIdPattern(), secondHtml);
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task Import_WithErrors_ListsEachCellAndOffersNoConfirmation()
    {
        var (director, id) = await DraftAsync();
        var workbook = SheetWorkbooks.Edit(await TemplateAsync(director, id), d =>
        {
            SheetWorkbooks.Set(d, SheetWorkbooks.HumanResources, "C2", 10);
            SheetWorkbooks.Set(d, SheetWorkbooks.HumanResources, "C3", 12);
            SheetWorkbooks.Set(d, SheetWorkbooks.HumanResources, "C4", "douze");
            SheetWorkbooks.Set(d, SheetWorkbooks.General, "C5", "pas une adresse");
        });
        var hr = SheetWorkbooks.TabName(workbook, SheetWorkbooks.HumanResources);
        var general = SheetWorkbooks.TabName(workbook, SheetWorkbooks.General);
        var before = await StateAsync(id);

        var (response, html) = await UploadAsync(director, id, workbook);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{hr}!C3", html);
        Assert.Contains("The number of women cannot be above the total (10).", html);
        Assert.Contains($"{hr}!C4", html);
        Assert.Contains("\"douze\" is not a whole number.", html);
        Assert.Contains($"{general}!C5", html);
        Assert.DoesNotMatch(ImportIdPattern(), html);
        Assert.Equal(before, await StateAsync(id));
    }

    public static TheoryData<string> HostileFiles => new()
    {
        "wrong tabs", "formula", "macro renamed", "50,000 rows", "XML bomb", "zip bomb", "over size", "not a zip",
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Import_HostileWorkbook_IsRefusedWithAMessageAndImportsNothing(string kind)
    {
        var (director, id) = await DraftAsync();
        var template = await TemplateAsync(director, id);
        var (file, message) = Hostile(kind, template);
        var before = await StateAsync(id);

        var (response, html) = await UploadAsync(director, id, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"sheet-refused\"", html);
        Assert.Contains(message, html);
        Assert.DoesNotMatch(ImportIdPattern(), html);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task Import_ByAnotherEstablishmentsDirector_IsForbiddenAndImportsNothing()
    {
        var (director, id) = await DraftAsync();
        var workbook = SheetWorkbooks.Edit(await TemplateAsync(director, id), d => SheetWorkbooks.Set(d, SheetWorkbooks.HumanResources, "C2", 99));
        var mirleft = await factory.SignedInClientAsync("director.mirleft@demo.local");
        var before = await StateAsync(id);
        var token = TokenOf(await mirleft.GetStringAsync("/Account/ChangePassword"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(workbook), "file", "fiche.xlsx");

        var template = await mirleft.GetAsync($"/Profiles/{id}/Sheet/Template");
        var upload = await mirleft.PostAsync($"/Profiles/{id}/Sheet/Import", form);

        Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(before, await StateAsync(id));
    }

    private static (byte[] File, string Message) Hostile(string kind, byte[] template) => kind switch
    {
        "wrong tabs" => (SheetWorkbooks.Edit(template, d =>
        {
            var sheets = d.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            sheets[SheetWorkbooks.Programmes].Name = "Feuil1";
        }), "the tabs"),
        "formula" => (SheetWorkbooks.Edit(template, d => SheetWorkbooks.Set(d, SheetWorkbooks.HumanResources, "C2", "=1+1")), "formulas"),
        "macro renamed" => (MacroEnabled(template), "macros"),
        "50,000 rows" => (SheetWorkbooks.Edit(template, d =>
        {
            var data = SheetWorkbooks.Data(d, SheetWorkbooks.Programmes);
            for (var r = 2u; r < 50_002; r++)
            {
                data.Append(new Row(new Cell { CellReference = "B" + r, CellValue = new CellValue(1), DataType = CellValues.Number }) { RowIndex = r });
            }
        }), "rows"),
        "XML bomb" => (SheetWorkbooks.WithEntry(template, SheetWorkbooks.PartName(template, SheetWorkbooks.HumanResources), Encoding.UTF8.GetBytes(BillionLaughs())), "not an Excel workbook"),
        "zip bomb" => (SheetWorkbooks.WithEntry(template, "xl/media/padding.bin", new byte[64 * 1024 * 1024], System.IO.Compression.CompressionLevel.SmallestSize), "too large once unpacked"),
        "over size" => (Enumerable.Range(0, 2_500_000).Select(i => (byte)(i * 7919 % 251)).ToArray(), "larger than 2 MB"),
        _ => ("PK but not really a zip"u8.ToArray(), "not an Excel workbook"),
    };

    /// <summary>The template saved as a macro-enabled workbook, then renamed .xlsx: a macro part and the macro content type.</summary>
    private static byte[] MacroEnabled(byte[] template)
    {
        var types = SheetWorkbooks.EntryText(template, "[Content_Types].xml")
            .Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
        var withTypes = SheetWorkbooks.WithEntry(template, "[Content_Types].xml", Encoding.UTF8.GetBytes(types));
        return SheetWorkbooks.WithEntry(withTypes, "xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    }

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return $"<?xml version=\"1.0\"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
    }

    private static string TokenOf(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"importId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ImportIdPattern();
}
