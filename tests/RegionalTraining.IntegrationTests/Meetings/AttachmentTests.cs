using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Meetings;

[Collection(PortalCollection.Name)]
public sealed class AttachmentTests(RegionalTrainingFactory factory)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    // Starts like a PDF, so it passes the type check, and is also a page with a script.
    private static readonly byte[] PdfHtmlPolyglot =
        "%PDF-1.4\n1 0 obj <<>> endobj\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"u8.ToArray();

    private async Task<int> MeetingAsync(HttpClient staff)
    {
        var response = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", new Dictionary<string, string>
        {
            ["TitleFr"] = "Réunion avec photos " + Guid.NewGuid().ToString("N")[..6], ["TitleAr"] = "لقاء بالصور",
            ["StartsOn"] = "2026-09-01", ["EndsOn"] = "2026-09-01", ["Status"] = "Held",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int meetingId, byte[] content, string fileName)
    {
        var page = await client.GetStringAsync($"/Meetings/Details/{meetingId}");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Photo de groupe"), "caption" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/Meetings/AddAttachment/{meetingId}", form);
    }

    [Fact]
    public async Task Attachment_IsPrivateUntilPublishedAndStoredUnderARandomName()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        var id = await MeetingAsync(staff);

        var upload = await UploadAsync(staff, id, Png, "../../groupe.png");
        var attachment = await factory.WithDbAsync(db => db.MeetingAttachments.AsNoTracking().SingleAsync(a => a.MeetingId == id));
        var before = await factory.NewClient().GetAsync($"/attachments/{attachment.Id}");
        var forStaff = await staff.GetAsync($"/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal("groupe.png", attachment.OriginalName);
        Assert.Matches("^[0-9a-f]{32}$", attachment.StoredName);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forStaff.StatusCode);
        Assert.Equal("image/png", forStaff.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", string.Join(" ", forStaff.Headers.GetValues("Content-Security-Policy")));

        await staff.PostFormAsync($"/Meetings/Summary/{id}", $"/Meetings/Summary/{id}", new Dictionary<string, string> { ["BodyFr"] = "Compte rendu", ["BodyAr"] = "تقرير" });
        foreach (var (client, action) in new[] { (staff, SummaryAction.SendToReview), (regional, SummaryAction.Approve), (staff, SummaryAction.Publish) })
        {
            await client.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/Transition/{id}", new Dictionary<string, string> { ["action"] = action.ToString() });
        }

        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync($"/attachments/{attachment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Attachment_WithHtmlNamedPng_IsRefused()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var id = await MeetingAsync(staff);

        await UploadAsync(staff, id, "<html><script>alert(1)</script></html>"u8.ToArray(), "photo.png");

        Assert.False(await factory.WithDbAsync(db => db.MeetingAttachments.AnyAsync(a => a.MeetingId == id)));
    }

    [Fact]
    public async Task Attachment_LargerThanTenMegabytes_IsRefused()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var id = await MeetingAsync(staff);
        var big = new byte[AttachmentRules.MaximumBytes + 1];
        Png.CopyTo(big, 0);

        await UploadAsync(staff, id, big, "grande.png");

        Assert.False(await factory.WithDbAsync(db => db.MeetingAttachments.AnyAsync(a => a.MeetingId == id)));
    }

    [Fact]
    public async Task Attachment_PdfHtmlPolyglotNamedHtml_IsServedOnlyAsAPdfDownload()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var id = await MeetingAsync(staff);

        await UploadAsync(staff, id, PdfHtmlPolyglot, "report.html");
        var attachment = await factory.WithDbAsync(db => db.MeetingAttachments.AsNoTracking().SingleAsync(a => a.MeetingId == id));
        var response = await staff.GetAsync($"/attachments/{attachment.Id}");
        var disposition = response.Content.Headers.ContentDisposition!;

        Assert.Equal("report.pdf", attachment.OriginalName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("report.pdf", disposition.FileNameStar);
        Assert.Equal("report.pdf", disposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox;", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Attachment_NamedWithRightToLeftOverride_IsListedAndServedWithoutIt()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var id = await MeetingAsync(staff);

        // Shown as "rapportlmth.pdf" by a browser honouring the override; really an .html name.
        await UploadAsync(staff, id, PdfHtmlPolyglot, "rapport\u202Efdp.html");
        var attachment = await factory.WithDbAsync(db => db.MeetingAttachments.AsNoTracking().SingleAsync(a => a.MeetingId == id));
        var page = await staff.GetStringAsync($"/Meetings/Details/{id}");
        var response = await staff.GetAsync($"/attachments/{attachment.Id}");

        Assert.Equal("rapportfdp.pdf", attachment.OriginalName);
        Assert.Contains(">rapportfdp.pdf</a>", page);
        Assert.DoesNotContain('\u202E', page);
        Assert.Equal("rapportfdp.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.DoesNotContain("%E2%80%AE", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
    }
}
