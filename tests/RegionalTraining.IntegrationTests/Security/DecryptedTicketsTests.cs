using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure.Security;

namespace RegionalTraining.IntegrationTests.Security;

/// <summary>
/// The portal reads its sign-in cookie through <see cref="DecryptedTickets"/> (docs/decisions/0039); what refuses a
/// cookie still works on a cookie already decrypted: SessionTests (a copied cookie after sign-out, a password change,
/// a role change) and SignedInRequestTests run through it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DecryptedTicketsTests(RegionalTrainingFactory factory)
{
    [Fact]
    public void SignInCookie_IsReadThroughTheDecryptedTickets()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.IsType<DecryptedTickets>(options.TicketDataFormat);
    }

    [Fact]
    public async Task TamperedCookie_AfterTheRealOneWasRead_IsRefused()
    {
        var client = await factory.SignedInClientAsync("staff@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Meetings")).StatusCode);
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name!;

        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Meetings");
        request.Headers.Add("Cookie", $"{cookie}=CfDJ8tampered");

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.SendAsync(request)).StatusCode);
    }
}
