using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attachments;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// Serves meeting attachments: to anyone once the meeting's summary is published, before that only to the
/// directorate's staff. Files are sent with their sniffed type and a name that matches it, never executed, in a
/// sandbox; photos inline, documents as downloads.
/// </summary>
[AllowAnonymous]
[Route("attachments")]
public sealed class AttachmentsController(IMeetingAttachmentService attachments, IAttachmentStore store, IAccessScopeProvider scopes) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
    {
        var attachment = await attachments.ReadableAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        var stream = attachment is null ? null : store.Open(attachment.StoredName);
        return attachment is null || stream is null ? NotFound() : SandboxedFile(attachment, stream);
    }

    private FileStreamResult SandboxedFile(AttachmentFile attachment, Stream stream)
    {
        // nosniff comes from SecurityHeadersMiddleware on every response; the sandbox keeps even a file a browser
        // did render from running script or reaching the portal's origin.
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'";
        Response.Headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue(AttachmentRules.ServedInline(attachment.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.DownloadName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(stream, attachment.ContentType);
    }
}
