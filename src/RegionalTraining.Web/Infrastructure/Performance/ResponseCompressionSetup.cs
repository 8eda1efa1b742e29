using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace RegionalTraining.Web.Infrastructure.Performance;

/// <summary>
/// Brotli, else gzip, for the text the portal writes (pages, exports, feeds), over HTTPS too. Why this is safe
/// against BREACH, and why the account pages are left out: docs/decisions/0002-response-compression.md.
/// Static files are not compressed here: MapStaticAssets serves copies compressed once at build time.
/// </summary>
public static class ResponseCompressionSetup
{
    /// <summary>The text types the portal answers with; images, XLSX and attachments are compressed already or not ours to judge.</summary>
    public static readonly string[] MimeTypes =
    [
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "application/json",
        "text/csv", "image/svg+xml", "application/atom+xml", "application/xml", "text/xml", "text/calendar",
    ];

    public static IServiceCollection AddRegionalTrainingCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        // The fastest levels: a page is compressed on every request, and they already take a page to a fifth.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// The account pages (sign-in, password change and reset, two-factor set-up and second step, sessions) may carry a
    /// secret of the person's own (an authenticator key, recovery codes, session ids) next to what they typed, and are
    /// small: they are never compressed.
    /// </summary>
    public static bool MayCompress(PathString path) => !UncompressedSections.Any(section => path.StartsWithSegments(section, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] UncompressedSections = ["/Account", "/TwoFactor", "/TwoFactorLogin", "/Sessions"];

    public static IApplicationBuilder UseRegionalTrainingCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => MayCompress(context.Request.Path), branch => branch.UseResponseCompression());
}
