using System.Net;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>Counts on the register take the plural form of the reader's language (Arabic's six, French's three).</summary>
[Collection(PortalCollection.Name)]
public sealed class RegisterPluralTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";

    private async Task<int> ConstraintAsync(string description)
    {
        var establishment = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        return await factory.WithDbAsync(async db =>
        {
            var item = new Constraint { EstablishmentId = establishment, Description = description, Category = NeedCategory.BoardingAndTransport };
            db.Constraints.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    /// <summary>Assigns the items at once and reads the message the register shows afterwards.</summary>
    private async Task<string> AssignAsync(string culture, params int[] ids)
    {
        var staff = await factory.SignedInClientAsync(Staff, culture);
        var fields = ids.Select((id, i) => ($"ConstraintIds[{i}]", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(("Owner", "Directorate")).Append(("DueOn", "2031-03-31")).ToDictionary(f => f.Item1, f => f.Item2);
        var response = await staff.PostFormAsync("/Register", "/Register/BulkAssign", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await staff.GetStringAsync(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task BulkAssign_TellsHowManyInTheFormOfTheCount()
    {
        var one = await AssignAsync("ar-MA", await ConstraintAsync("Pluriel un"));
        var two = await AssignAsync("ar-MA", await ConstraintAsync("Pluriel deux a"), await ConstraintAsync("Pluriel deux b"));
        var three = await AssignAsync("ar-MA", await ConstraintAsync("Pluriel trois a"), await ConstraintAsync("Pluriel trois b"), await ConstraintAsync("Pluriel trois c"));
        var french = await AssignAsync("fr-MA", await ConstraintAsync("Pluriel français"));

        Assert.Contains("تم إسناد عنصر واحد.", one);
        Assert.Contains("تم إسناد عنصرين.", two);
        Assert.Contains("تم إسناد 3 عناصر.", three);
        Assert.Contains("1 élément a été attribué.", french);
    }
}
