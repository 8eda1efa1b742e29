using System.Net;
using Microsoft.EntityFrameworkCore;
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
        var id = await factory.WithDbAsync(async db =>
        {
            var establishmentId = await db.Establishments.Where(e => e.Code == "ISTA-FEB-MIRLEFT").Select(e => e.Id).SingleAsync();
            var yearId = await db.TrainingYears
                .Where(y => !db.Profiles.Any(p => p.EstablishmentId == establishmentId && p.TrainingYearId == y.Id))
                .OrderBy(y => y.StartYear).Select(y => y.Id).FirstAsync();
            var profile = new EstablishmentProfile
            {
                EstablishmentId = establishmentId, TrainingYearId = yearId,
                Equipment = [new ProfileEquipment { Name = culture == "ar-MA" ? "مطبخ" : "Cuisine", Quantity = 2, Condition = EquipmentCondition.NeedsRepair }],
            };
            db.Profiles.Add(profile);
            var need = new Need
            {
                EstablishmentId = establishmentId, Profile = profile, Description = "Ordinateurs",
                Category = NeedCategory.Equipment, Priority = Priority.High, EstimatedCostMad = 1200m,
            };
            need.Sheets.Add(profile);
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            return profile.Id;
        });

        var html = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync("director.mirleft@demo.local", culture)).GetStringAsync($"/Profiles/{id}/Print"));

        Assert.Contains(equipment, html, StringComparison.Ordinal);
        Assert.Contains("Ordinateurs — " + need, html, StringComparison.Ordinal);
    }
}
