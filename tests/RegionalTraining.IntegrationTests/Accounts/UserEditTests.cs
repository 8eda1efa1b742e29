using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

[Collection(PortalCollection.Name)]
public sealed class UserEditTests(RegionalTrainingFactory factory)
{
    private const string Admin = "admin@demo.local";

    [Fact]
    public async Task Edit_WithStaleForm_Answers409KeepsTypedName_AndTheRenewedFormSaves()
    {
        var user = await AccountTestData.CreateAccountAsync(factory, $"stale.{Guid.NewGuid():N}@test.local");
        var establishment = await factory.EstablishmentIdAsync("CFP-TARFAYA");
        var first = await factory.SignedInClientAsync(Admin);
        var second = await factory.SignedInClientAsync(Admin, "ar-MA");
        var url = $"/Users/Edit/{user.Id}";
        Dictionary<string, string> Fields(string html, string name) => new()
        {
            ["DisplayName"] = name,
            ["Role"] = Roles.EstablishmentDirector,
            ["EstablishmentIds"] = establishment.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConcurrencyStamp"] = HttpClientFormExtensions.HiddenValue(html, "ConcurrencyStamp"),
        };
        var firstForm = await first.GetStringAsync(url);
        var secondForm = await second.GetStringAsync(url);

        var saved = await first.PostFormAsync(url, url, Fields(firstForm, "Premier nom"));
        var refused = await second.PostFormAsync(url, url, Fields(secondForm, "اسم مكتوب"));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var storedAfterRefusal = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync());
        var again = await second.PostFormAsync(url, url, Fields(refusedHtml, "اسم مكتوب"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("value=\"اسم مكتوب\"", refusedHtml);
        Assert.Equal("Premier nom", storedAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("اسم مكتوب", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task ResetTwoFactor_OfOnesOwnAccount_IsRefusedWithAMessage()
    {
        var admin = await factory.SignedInClientAsync(Admin, "fr-MA");
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Admin).Select(u => u.Id).SingleAsync());

        var response = await admin.PostFormAsync($"/Users/Edit/{id}", $"/Users/ResetTwoFactor/{id}", new Dictionary<string, string>());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(response.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("alert-warning", page);
        Assert.DoesNotContain("alert-success", page);
        Assert.Contains("Gérez votre propre second facteur", page);
    }
}
