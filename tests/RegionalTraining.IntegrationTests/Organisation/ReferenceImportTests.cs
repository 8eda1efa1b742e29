using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Organisation;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Organisation;

/// <summary>Establishments and programmes imported from a file: dry run, confirmation, idempotence, access and hostile files.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class ReferenceImportTests(RegionalTrainingFactory factory)
{
    private const string Admin = "admin@demo.local";
    private const string ProgrammeHeadings = "Code;SectorId;Level;NameFr;NameAr;DurationMonths";

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(HttpClient client, string kind, byte[] file, string name = "file.csv")
    {
        var token = TokenOf(await client.GetStringAsync($"/ReferenceData/{kind}/Import"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        var response = await client.PostAsync($"/ReferenceData/{kind}/Import", form);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string kind, string html)
    {
        var importId = ImportIdPattern().Match(html);
        Assert.True(importId.Success, "the dry run offers no confirmation");
        return await client.PostAsync($"/ReferenceData/{kind}/Import/Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(html),
            ["importId"] = importId.Groups[1].Value,
        }));
    }

    private static byte[] Csv(params string[] lines) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private Task<int> ProgrammesAsync() => factory.WithDbAsync(db => db.Programmes.CountAsync());

    private Task RemoveProgrammesAsync(string prefix) => factory.WithDbAsync(async db =>
    {
        await db.Programmes.Where(p => p.Code.StartsWith(prefix)).ExecuteDeleteAsync();
        return 0;
    });

    private static string Outcomes(string html) =>
        string.Join(",", OutcomePattern().Matches(html).Select(m => m.Groups[1].Value));

    [Fact]
    public async Task DryRun_SortsRowsIntoNewChangedUnchangedAndRefused_AndSavesNothing()
    {
        var existing = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().Include(p => p.Sector).OrderBy(p => p.Id).Take(2).ToListAsync());
        string Line(Programme p, string? nameFr = null) => $"{p.Code};{p.Sector!.Code};{p.Level};{nameFr ?? p.NameFr};{p.NameAr};{p.DurationMonths}";
        var admin = await factory.SignedInClientAsync(Admin);
        var before = await ProgrammesAsync();

        var (response, html) = await UploadAsync(admin, "Programmes", Csv(
            ProgrammeHeadings,
            "DRY-NEW-1;DIGITAL;Technician;Filière nouvelle;شعبة جديدة;12",
            Line(existing[0], "Nom changé par le fichier"),
            Line(existing[1]),
            "DRY-BAD-1;NOPE;Technician;;شعبة;99"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Changed,New,Refused,Unchanged", string.Join(",", Outcomes(html).Split(',').Order()));
        Assert.Contains($"{existing[0].NameFr} → Nom changé par le fichier", Regex.Replace(Regex.Replace(html, "<[^>]+>", string.Empty), @"\s+", " "));
        Assert.Contains(RegionalTraining.Core.Common.Messages.ChooseSector, html);
        Assert.Contains("The duration must be between 1 and 60 months.", html);
        Assert.Contains("Column 4", html);
        Assert.DoesNotMatch(ImportIdPattern(), html);
        Assert.Equal(before, await ProgrammesAsync());
    }

    [Fact]
    public async Task Confirm_SavesInOneGo_AndTheSameFileAgainChangesNothing_ArabicIntact()
    {
        var admin = await factory.SignedInClientAsync(Admin, "ar-MA");
        var file = Csv(ProgrammeHeadings, "IMP-A-1;DIGITAL;Technician;Filière importée;شعبة مستوردة، الأولى;18", "IMP-A-2;DIGITAL;Qualification;Deuxième;الثانية;12");
        try
        {
            var (_, dry) = await UploadAsync(admin, "Programmes", file);
            var confirmed = await ConfirmAsync(admin, "Programmes", dry);
            var again = await ConfirmAsync(admin, "Programmes", dry);
            var (_, second) = await UploadAsync(admin, "Programmes", file);

            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            Assert.EndsWith("/Programmes", confirmed.Headers.Location!.OriginalString);
            var saved = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().Where(p => p.Code.StartsWith("IMP-A-")).OrderBy(p => p.Code).ToListAsync());
            Assert.Equal(["IMP-A-1", "IMP-A-2"], saved.Select(p => p.Code));
            Assert.Equal("شعبة مستوردة، الأولى", saved[0].NameAr);
            Assert.True(saved.All(p => p.IsActive));
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Equal(2, await factory.WithDbAsync(db => db.Programmes.CountAsync(p => p.Code.StartsWith("IMP-A-"))));
            Assert.Equal("Unchanged,Unchanged", Outcomes(second));
            Assert.DoesNotMatch(ImportIdPattern(), second);
        }
        finally
        {
            await RemoveProgrammesAsync("IMP-A-");
        }
    }

    [Fact]
    public async Task Establishments_TemplateImportedBack_ChangesNothing_AndAChangedCellIsTheOnlyChange()
    {
        var admin = await factory.SignedInClientAsync(Admin, "fr-MA");
        var template = await admin.GetAsync("/ReferenceData/Establishments/Import/Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var workbook = await template.Content.ReadAsByteArrayAsync();
        var count = await factory.WithDbAsync(db => db.Establishments.CountAsync());

        var (_, unchanged) = await UploadAsync(admin, "Establishments", workbook, "etablissements.xlsx");
        var edited = RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.Edit(workbook, d =>
            RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.Set(d, 0, "G2", "Ville changée"));
        var (_, changed) = await UploadAsync(admin, "Establishments", edited, "etablissements.xlsx");

        Assert.Equal(string.Join(",", Enumerable.Repeat("Unchanged", count)), Outcomes(unchanged));
        Assert.Contains("id=\"reference-no-change\"", unchanged);
        Assert.Equal(1, Outcomes(changed).Split(',').Count(o => o == "Changed"));
        Assert.Contains("Ville changée", changed);
        Assert.Matches(ImportIdPattern(), changed);
    }

    [Theory]
    [InlineData("regional.director@demo.local")]
    [InlineData("staff@demo.local")]
    [InlineData("director.mirleft@demo.local")]
    public async Task Import_ByANonAdministrator_IsForbidden_AndImportsNothing(string email)
    {
        var client = await factory.SignedInClientAsync(email);
        var token = TokenOf(await client.GetStringAsync("/Account/ChangePassword"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Csv(ProgrammeHeadings, "FORBID-1;DIGITAL;Technician;Interdit;ممنوع;12")), "file", "f.csv");
        var before = await ProgrammesAsync();

        var page = await client.GetAsync("/ReferenceData/Establishments/Import");
        var template = await client.GetAsync("/ReferenceData/Establishments/Import/Template");
        var upload = await client.PostAsync("/ReferenceData/Programmes/Import", form);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(before, await ProgrammesAsync());
    }

    public static TheoryData<string> HostileFiles => new()
    {
        "formula", "macro renamed", "too many rows", "XML bomb", "zip bomb", "over size", "not UTF-8", "wrong columns", "not a zip",
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Import_HostileFile_IsRefusedWithAMessageAndImportsNothing(string kind)
    {
        var admin = await factory.SignedInClientAsync(Admin);
        var template = await (await admin.GetAsync("/ReferenceData/Programmes/Import/Template")).Content.ReadAsByteArrayAsync();
        var (file, message) = Hostile(kind, template);
        var before = await ProgrammesAsync();

        var (response, html) = await UploadAsync(admin, "Programmes", file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"reference-refused\"", html);
        Assert.Contains(message, html);
        Assert.DoesNotMatch(ImportIdPattern(), html);
        Assert.Equal(before, await ProgrammesAsync());
    }

    private static (byte[] File, string Message) Hostile(string kind, byte[] template) => kind switch
    {
        "formula" => (RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.Edit(template, d =>
            RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.Set(d, 0, "F2", "=1+1")), "formulas"),
        "macro renamed" => (MacroEnabled(template), "macros"),
        "too many rows" => (Csv([ProgrammeHeadings, .. Enumerable.Range(0, 2500).Select(i => $"ROWS-{i};DIGITAL;Technician;Nom;اسم;12")]), "more than 2000 rows"),
        "XML bomb" => (RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.WithEntry(template, RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.PartName(template, 0), Encoding.UTF8.GetBytes(BillionLaughs())), "not an Excel workbook"),
        "zip bomb" => (RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.WithEntry(template, "xl/media/padding.bin", new byte[64 * 1024 * 1024], System.IO.Compression.CompressionLevel.SmallestSize), "too large once unpacked"),
        "over size" => (Enumerable.Range(0, 2_500_000).Select(i => (byte)(i * 7919 % 251)).ToArray(), "larger than 2 MB"),
        "not UTF-8" => ([.. Encoding.ASCII.GetBytes(ProgrammeHeadings + "\nX;DIGITAL;Technician;Nom;"), 0xE3, 0xCF, 0xED, 0xE4, 0xC9, .. Encoding.ASCII.GetBytes(";12\n")], "not in UTF-8"),
        "wrong columns" => (Csv("Code;Secteur inventé;Level;NameFr;NameAr;DurationMonths", "X;DIGITAL;Technician;Nom;اسم;12"), "is not known"),
        _ => ("PK but not really a zip"u8.ToArray(), "not an Excel workbook"),
    };

    private static byte[] MacroEnabled(byte[] template)
    {
        var types = RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.EntryText(template, "[Content_Types].xml")
            .Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
        var withTypes = RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.WithEntry(template, "[Content_Types].xml", Encoding.UTF8.GetBytes(types));
        return RegionalTraining.IntegrationTests.Profiles.SheetWorkbooks.WithEntry(withTypes, "xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    }

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return $"<?xml version=\"1.0\"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
    }

    private static string TokenOf(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"importId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ImportIdPattern();

    [GeneratedRegex("data-outcome=\"([A-Za-z]+)\"")]
    private static partial Regex OutcomePattern();
}
