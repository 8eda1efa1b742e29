using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// Serves meeting attachments: to anyone once the meeting's summary is published, before that only to the
/// directorate's staff. Files are sent with their sniffed type, never executed, in a sandbox.
/// </summary>
[AllowAnonymous]
[Route("attachments")]
public sealed class AttachmentsController(IMeetingService meetings, IAttachmentStore store, IAccessScopeProvider scopes) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
    {
        var attachment = await meetings.ReadableAttachmentAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        var stream = attachment is null ? null : store.Open(attachment.StoredName);
        if (attachment is null || stream is null)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'";
        Response.Headers.CacheControl = "private, max-age=3600";
        var inline = attachment.ContentType.StartsWith("image/", StringComparison.Ordinal);
        return inline
            ? File(stream, attachment.ContentType)
            : File(stream, attachment.ContentType, attachment.OriginalName);
    }
}
