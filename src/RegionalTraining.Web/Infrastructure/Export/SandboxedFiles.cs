using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attachments;

namespace RegionalTraining.Web.Infrastructure.Export;

/// <summary>
/// Serves a stored upload (meeting attachments, register evidence) with its sniffed type and a name that matches it,
/// never executed, in a sandbox; photos inline, documents as downloads.
/// </summary>
public static class SandboxedFiles
{
    /// <summary>The file, or 404 when there is none to give (unknown, not the caller's to read, or gone from the store).</summary>
    public static IActionResult SandboxedFileOrNotFound(this ControllerBase controller, IAttachmentStore store, AttachmentFile? attachment)
    {
        var stream = attachment is null ? null : store.Open(attachment.StoredName);
        if (attachment is null || stream is null)
        {
            return controller.NotFound();
        }

        // nosniff comes from SecurityHeadersMiddleware on every response; the sandbox keeps even a file a browser
        // did render from running script or reaching the portal's origin.
        var headers = controller.Response.Headers;
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'";
        headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue(AttachmentRules.ServedInline(attachment.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.DownloadName);
        headers.ContentDisposition = disposition.ToString();
        return controller.File(stream, attachment.ContentType);
    }
}
