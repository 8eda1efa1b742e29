using QRCoder;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>QR codes drawn on the server, so the shared secret never leaves the portal (no external service, no script).</summary>
public static class QrCodes
{
    /// <summary>A PNG as a data: URI, which the CSP's <c>img-src 'self' data:</c> allows.</summary>
    public static string PngDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
