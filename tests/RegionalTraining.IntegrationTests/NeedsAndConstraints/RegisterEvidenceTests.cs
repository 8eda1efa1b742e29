using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>A resolution's photo or document: posted with the resolve form (multipart) in each language, checked, shown on the item, served to its readers.</summary>
[Collection(PortalCollection.Name)]
public sealed class RegisterEvidenceTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";
    private const string Mirleft = "director.mirleft@demo.local";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private async Task<int> AcknowledgedConstraintAsync()
    {
        var establishment = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        return await factory.WithDbAsync(async db =>
        {
            var item = new Constraint
            {
                EstablishmentId = establishment, Description = "Toiture de l'atelier " + Guid.NewGuid().ToString("N")[..6], Category = NeedCategory.Infrastructure,
                Severity = Severity.Serious, Status = FollowUpStatus.Acknowledged,
            };
            db.Constraints.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    /// <summary>Posts the resolve form as a browser does: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> ResolveAsync(HttpClient client, string page, byte[] file, string fileName)
    {
        var token = HttpClientFormExtensions.HiddenValue(await client.GetStringAsync(page), "__RequestVerificationToken");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Resolve"), "Action" },
            { new StringContent("Toiture refaite par l'entreprise"), "Text" },
            { new StringContent("2026-01-15"), "On" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        form.Add(content, "Evidence", fileName);
        return await client.PostAsync(page, form);
    }

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    [InlineData("en")]
    public async Task Resolve_WithAPhoto_KeepsItOnTheHistoryLineAndTheDirectorSeesIt(string culture)
    {
        var id = await AcknowledgedConstraintAsync();
        var page = $"/Register/Constraint/{id}";
        var staff = await factory.SignedInClientAsync(Staff, culture);

        var response = await ResolveAsync(staff, page, Png, "سقف الورشة.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await factory.WithDbAsync(db => db.FollowUpEntries.SingleAsync(e => e.ConstraintId == id && e.Kind == FollowUpEventKind.Resolved));
        Assert.Equal("سقف الورشة.png", entry.EvidenceName);
        Assert.Equal("image/png", entry.EvidenceContentType);
        var director = await factory.SignedInClientAsync(Mirleft, culture);
        var evidenceUrl = $"{page}/evidence/{entry.Id}";
        Assert.Contains(evidenceUrl, await director.GetStringAsync(page));
        var download = await director.GetAsync(evidenceUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Resolve_WithAPageDisguisedAsAPhoto_Answers422AndResolvesNothing()
    {
        var id = await AcknowledgedConstraintAsync();
        var page = $"/Register/Constraint/{id}";
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");

        var response = await ResolveAsync(staff, page, "<html><script>alert(1)</script></html>"u8.ToArray(), "photo.png");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Toiture refaite par l'entreprise", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(FollowUpStatus.Acknowledged, await factory.WithDbAsync(db => db.Constraints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.FollowUpEntries.AnyAsync(e => e.ConstraintId == id)));
    }

    [Fact]
    public async Task Resolve_WithAFileOverTheLimit_Answers413AndResolvesNothing()
    {
        var id = await AcknowledgedConstraintAsync();
        var page = $"/Register/Constraint/{id}";
        var staff = await factory.SignedInClientAsync(Staff, "ar-MA");

        var response = await ResolveAsync(staff, page, [.. Png, .. new byte[12 * 1024 * 1024]], "big.png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(FollowUpStatus.Acknowledged, await factory.WithDbAsync(db => db.Constraints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }
}
