using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>
/// A need's priority and a constraint's severity on the register, its file and an item's page (one query over both
/// tables): each in the reader's language, never a raw number, and the filters by either still pick the right items.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RegisterRankTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";

    private async Task<(int Establishment, int Need, int Constraint, string Marker)> ItemsAsync()
    {
        var marker = "Rang " + Guid.NewGuid().ToString("N")[..8];
        var establishment = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        return await factory.WithDbAsync(async db =>
        {
            var need = new Need { EstablishmentId = establishment, Description = marker + " besoin", Category = NeedCategory.Pedagogy, Priority = Priority.Urgent };
            var constraint = new Constraint { EstablishmentId = establishment, Description = marker + " contrainte", Category = NeedCategory.Pedagogy, Severity = Severity.Critical };
            db.Needs.Add(need);
            db.Constraints.Add(constraint);
            await db.SaveChangesAsync();
            return (establishment, need.Id, constraint.Id, marker);
        });
    }

    /// <summary>The CSV line that holds the marker's text.</summary>
    private static string Line(string text, string marker) => text.Split('\n').Single(l => l.Contains(marker, StringComparison.Ordinal));

    /// <summary>The table row that holds the marker's text, from its opening tag to its end.</summary>
    private static string Row(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, marker + " is not on the page");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("fr-MA", "Urgente", "Critique")]
    [InlineData("ar-MA", "مستعجلة", "حرجة")]
    [InlineData("en", "Urgent", "Critical")]
    public async Task Register_ShowsPriorityAndSeverityLabels_OnThePageTheFileAndTheItem(string culture, string urgent, string critical)
    {
        var (establishment, need, constraint, marker) = await ItemsAsync();
        var staff = await factory.SignedInClientAsync(Staff, culture);

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register?establishment={establishment}&category=Pedagogy"));
        var csv = await staff.GetStringAsync($"/Register/Export?establishment={establishment}&category=Pedagogy&format=csv");
        var needPage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register/Need/{need}"));
        var constraintPage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register/Constraint/{constraint}"));

        Assert.Contains(urgent, Row(html, marker + " besoin"));
        Assert.Contains(critical, Row(html, marker + " contrainte"));
        Assert.DoesNotContain("Severity.", html);
        Assert.DoesNotContain("Priority.", html);
        Assert.Contains(urgent, Line(csv, marker + " besoin"));
        Assert.Contains(critical, Line(csv, marker + " contrainte"));
        Assert.DoesNotContain("Severity.", csv);
        Assert.Contains(urgent, needPage);
        Assert.Contains(critical, constraintPage);
    }

    [Fact]
    public async Task Register_FiltersByPriorityAndBySeverity_KeepTheirOwnKind()
    {
        var (establishment, _, _, marker) = await ItemsAsync();
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");

        var urgent = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register?establishment={establishment}&priority=Urgent"));
        var critical = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register?establishment={establishment}&severity=Critical"));
        var low = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register?establishment={establishment}&priority=Low"));
        var minorCsv = await staff.GetStringAsync($"/Register/Export?establishment={establishment}&severity=Minor&format=csv");
        var criticalCsv = await staff.GetStringAsync($"/Register/Export?establishment={establishment}&severity=Critical&format=csv");

        Assert.Contains(marker + " besoin", urgent);
        Assert.DoesNotContain(marker + " contrainte", urgent);
        Assert.Contains(marker + " contrainte", critical);
        Assert.DoesNotContain(marker + " besoin", critical);
        Assert.DoesNotContain(marker, low);
        Assert.DoesNotContain(marker, minorCsv);
        Assert.Contains(marker + " contrainte", criticalCsv);
    }

    [Fact]
    public async Task Register_AnItemWhoseStoredValueNamesNoLevel_ShowsNotStated()
    {
        var (establishment, need, _, marker) = await ItemsAsync();
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");
        // A value no level names (an old or hand-edited row); put back afterwards, as other pages read every need.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Needs SET Priority = 'Unset' WHERE Id = {need}"));
        try
        {
            var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Register?establishment={establishment}&kind=Need&category=Pedagogy"));
            var csv = await staff.GetStringAsync($"/Register/Export?establishment={establishment}&kind=Need&category=Pedagogy&format=csv");

            Assert.Contains("Non précisée", Row(html, marker + " besoin"));
            Assert.Contains("Non précisée", Line(csv, marker + " besoin"));
            Assert.DoesNotContain("Priority.", html);
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Needs SET Priority = 'Urgent' WHERE Id = {need}"));
        }
    }
}
