using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>
/// An item's history stores facts and the people's words, and each reader sees the lines in their own language,
/// whoever wrote them and in which language; lines written before facts were kept show their text as stored.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RegisterHistoryLanguageTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static string Dated(string day) => "\u2066" + day + "\u2069";

    private async Task<int> NeedAsync(string description)
    {
        var establishment = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        return await factory.WithDbAsync(async db =>
        {
            var need = new Need { EstablishmentId = establishment, Description = description, Category = NeedCategory.Pedagogy, Priority = Priority.Urgent, Quantity = 3 };
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            return need.Id;
        });
    }

    private async Task<string> HistoryAsync(string culture, int need)
    {
        var client = await factory.SignedInClientAsync(Staff, culture);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Register/Need/{need}"));
        var start = html.IndexOf("id=\"item-history\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task AssignmentAndResolution_WrittenInFrench_ReadInArabicAndFrench()
    {
        var need = await NeedAsync("Historique " + Guid.NewGuid().ToString("N")[..8]);
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");
        var page = $"/Register/Need/{need}";

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page, F(("Action", "Assign"), ("Owner", "Directorate"), ("DueOn", "2031-06-30"), ("Plan", "Plan de formation des formateurs")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page, F(("Action", "Resolve"), ("Text", "Formateurs formés"), ("On", "2026-01-15")))).StatusCode);

        var stored = await factory.WithDbAsync(db => db.FollowUpEntries.Where(e => e.NeedId == need).OrderBy(e => e.Id).Select(e => new { e.Text, e.Facts }).ToListAsync());
        Assert.Equal(["Plan de formation des formateurs", "Formateurs formés"], stored.Select(s => s.Text));
        Assert.Equal(ItemOwner.Directorate, FollowUpFacts.FromJson(stored[0].Facts)?.Owner);
        Assert.Equal(new DateOnly(2026, 1, 15), FollowUpFacts.FromJson(stored[1].Facts)?.On);

        var french = await HistoryAsync("fr-MA", need);
        Assert.Contains("Direction régionale · Échéance\u00A0: " + Dated("2031-06-30") + " · Plan de formation des formateurs", french);
        Assert.Contains("Résolu le\u00A0: " + Dated("2026-01-15") + " · Formateurs formés", french);

        var arabic = await HistoryAsync("ar-MA", need);
        Assert.Contains("المديرية الجهوية · أجل الإنجاز: " + Dated("2031-06-30") + " · Plan de formation des formateurs", arabic);
        Assert.Contains("تاريخ المعالجة: " + Dated("2026-01-15") + " · Formateurs formés", arabic);
        Assert.DoesNotContain("Directorate", arabic);
        Assert.DoesNotContain("Direction régionale", arabic);
    }

    [Fact]
    public async Task SheetEdit_NamesTheChangedFieldsInTheReadersLanguage_AndAnOlderLineStaysAsStored()
    {
        var description = "Édition " + Guid.NewGuid().ToString("N")[..8];
        var need = await NeedAsync(description);
        await factory.WithDbAsync(async db =>
        {
            var item = await db.Needs.SingleAsync(n => n.Id == need);
            var before = FollowUpFacts.Of(item) with { Priority = Priority.Low };
            db.FollowUpEntries.Add(new FollowUpEntry
            {
                NeedId = need, AtUtc = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), UserName = "Directeur", Kind = FollowUpEventKind.Edited, Status = item.Status,
                Text = item.Description, Facts = FollowUpFacts.Of(item).ChangedFrom(before, item.Description, item.Description).ToJson(),
            });
            db.FollowUpEntries.Add(new FollowUpEntry
            {
                NeedId = need, AtUtc = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), UserName = "Ancien", Kind = FollowUpEventKind.Edited, Status = item.Status,
                Text = "Pedagogy, Urgent: ancienne ligne (quantity 3,  MAD)",
            });
            return await db.SaveChangesAsync();
        });

        var french = await HistoryAsync("fr-MA", need);
        var arabic = await HistoryAsync("ar-MA", need);

        Assert.Contains("Valeurs modifiées\u00A0: Priorité · Pédagogie · Urgente · " + description + " · Quantité\u00A0: 3", french);
        Assert.Contains("القيم المعدَّلة: الأولوية · الجانب البيداغوجي · مستعجلة · " + description + " · الكمية: 3", arabic);
        Assert.Contains("Pedagogy, Urgent: ancienne ligne (quantity 3,  MAD)", french);
        Assert.Contains("Pedagogy, Urgent: ancienne ligne (quantity 3,  MAD)", arabic);
    }
}
