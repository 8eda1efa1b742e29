using System.Net;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>The printed identity sheet, handed out at meetings, reads as its language is written.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProfilePrintTests(RegionalTrainingFactory factory)
{
    [Theory]
    [InlineData("ar-MA", "مطبخ (2، يحتاج إلى إصلاح)", "التجهيز، مرتفعة، ")]
    [InlineData("fr-MA", "Cuisine (2, À réparer)", "Équipement, Élevée, ")]
    public async Task Print_InEachLanguage_JoinsTheEntriesPartsWithItsOwnComma(string culture, string equipment, string need)
    {
        await using var sheet = await ProfileFixtures.FreshProfileAsync(factory, "ISTA-FEB-MIRLEFT", (db, profile) =>
        {
            profile.Equipment.Add(new ProfileEquipment { Name = culture == "ar-MA" ? "مطبخ" : "Cuisine", Quantity = 2, Condition = EquipmentCondition.NeedsRepair });
            var need = new Need
            {
                EstablishmentId = profile.EstablishmentId, ProfileId = profile.Id, Description = "Ordinateurs",
                Category = NeedCategory.Equipment, Priority = Priority.High, EstimatedCostMad = 1200m,
            };
            need.Sheets.Add(profile);
            db.Needs.Add(need);
            return Task.CompletedTask;
        });

        var html = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync("director.mirleft@demo.local", culture)).GetStringAsync($"/Profiles/{sheet.Id}/Print"));

        Assert.Contains(equipment, html, StringComparison.Ordinal);
        Assert.Contains("Ordinateurs — " + need, html, StringComparison.Ordinal);
    }
}
