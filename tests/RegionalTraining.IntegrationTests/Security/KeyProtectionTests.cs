using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Data;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure.Security;

namespace RegionalTraining.IntegrationTests.Security;

[Collection(ProductionCollection.Name)]
public sealed class KeyProtectionTests(ProductionPortal portal)
{
    [Fact]
    public void Production_WithoutCertificate_RefusesToStartAndSaysWhy()
    {
        using var factory = new RegionalTrainingFactory();
        var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Record.Exception(() => production.Services);

        Assert.NotNull(error);
        Assert.Contains(Chain(error), e => e is InvalidOperationException && e.Message == KeyProtection.MissingCertificate);
    }

    [Fact]
    public async Task Production_WithCertificate_StoresOnlyEncryptedKeysThatItCanReadBack()
    {
        var protector = portal.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var payload = protector.Protect("signed-in");

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        // Read back from the database, as another web node would: each key's secret is decrypted with the certificate.
        var keys = portal.Factory.Services.GetRequiredService<IKeyManager>().GetAllKeys();

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        Assert.All(keys, key => Assert.NotNull(key.Descriptor));
        Assert.Equal("signed-in", protector.Unprotect(payload));
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
