using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// Data Protection keys sign and encrypt the sign-in cookies, antiforgery tokens and reset links. They are kept in
/// the database so every web node shares them and a restart signs nobody out; encrypted with a certificate so that
/// a copy of the database, or of a backup, is not enough to forge a sign-in cookie (docs/decisions/0001).
/// </summary>
public static class KeyProtection
{
    public const string Section = "DataProtection";

    public const string MissingCertificate =
        "Data Protection keys would be stored unencrypted in the database, and anyone holding a copy of it could " +
        "forge sign-in cookies. Set DataProtection:Certificate:Path (a .pfx file, with DataProtection:Certificate:Password) " +
        "or DataProtection:Certificate:Thumbprint (a certificate with its private key in the My store), or accept " +
        "the risk explicitly with DataProtection:AllowUnencryptedKeys=true. See docs/operations.md, \"Data Protection keys\".";

    public static WebApplicationBuilder AddRegionalTrainingDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("RegionalTraining")
            .PersistKeysToDbContext<AppDbContext>();
        var section = builder.Configuration.GetSection(Section);
        var certificate = Load(section.GetSection("Certificate"), builder.Environment.ContentRootPath);
        if (certificate is not null)
        {
            // Keys written before a certificate renewal stay readable as long as the old certificate is listed.
            var previous = section.GetSection("PreviousCertificates").GetChildren()
                .Select(c => Load(c, builder.Environment.ContentRootPath))
                .OfType<X509Certificate2>();
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
            return builder;
        }

        if (!builder.Environment.IsProduction())
        {
            return builder;
        }

        if (!section.GetValue("AllowUnencryptedKeys", false))
        {
            throw new InvalidOperationException(MissingCertificate);
        }

        builder.Services.AddHostedService<UnencryptedKeysWarning>();
        return builder;
    }

    /// <summary>The certificate a configuration section names, by file or by thumbprint; null when it names none.</summary>
    private static X509Certificate2? Load(IConfigurationSection section, string contentRoot)
    {
        var path = section["Path"];
        var thumbprint = section["Thumbprint"];
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(contentRoot, path), section["Password"]);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The certificate in {section.Path}:Path ({path}) could not be read: {e.Message}", e);
            }
        }
        else if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            var location = section.GetValue("StoreLocation", StoreLocation.LocalMachine);
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            certificate = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", string.Empty), validOnly: false)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"No certificate with the thumbprint in {section.Path}:Thumbprint is in the {location} My store.");
        }
        else
        {
            return null;
        }

        // Keys are encrypted for the public key and decrypted with the private one (RSA key transport).
        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            throw new InvalidOperationException($"The certificate of {section.Path} must be an RSA certificate with its private key.");
        }

        return certificate;
    }
}

/// <summary>Says at every start, where operators look, that the keys are not encrypted on purpose.</summary>
public sealed class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "SECURITY: Data Protection keys are stored UNENCRYPTED in the database because {Setting} is true; anyone with a copy of the database or of a backup can forge sign-in cookies. Configure DataProtection:Certificate",
            "DataProtection:AllowUnencryptedKeys");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
