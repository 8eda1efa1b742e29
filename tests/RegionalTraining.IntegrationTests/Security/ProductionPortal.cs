using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Security;

/// <summary>
/// The portal as configured on a server: Production, secure cookies, and Data Protection keys encrypted with a
/// self-signed certificate made for the run and saved as a temporary .pfx file.
/// </summary>
public sealed class ProductionPortal : IDisposable
{
    public const string StaffEmail = "staff@production.test";

    private readonly RegionalTrainingFactory _base = new();
    private readonly string _certificateFile = Path.Combine(Path.GetTempPath(), $"rt-dp-{Guid.NewGuid():N}.pfx");

    public ProductionPortal()
    {
        const string password = "certificate-password";
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=RegionalTraining Data Protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        File.WriteAllBytes(_certificateFile, certificate.Export(X509ContentType.Pfx, password));
        Factory = _base.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Security:SecureCookies", "true");
            b.UseSetting("DataProtection:Certificate:Path", _certificateFile);
            b.UseSetting("DataProtection:Certificate:Password", password);
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A client that keeps cookies and shows redirects, for the given scheme and host.</summary>
    public HttpClient Client(string baseAddress) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Production creates no demo account: a staff member is added directly.</summary>
    public async Task EnsureStaffAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Users.Any(u => u.Email == StaffEmail))
        {
            return;
        }

        var directorateId = db.Directorates.Select(d => d.Id).First();
        var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new AccountInput(StaffEmail, "Staff production", Roles.DirectorateStaff, directorateId, []), RegionalTrainingFactory.Password);
        Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.MessageKey)));
    }

    public void Dispose()
    {
        _base.Dispose();
        File.Delete(_certificateFile);
    }
}

/// <summary>One production portal for the tests that need one: starting it costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionPortal>
{
    public const string Name = "Production";
}
