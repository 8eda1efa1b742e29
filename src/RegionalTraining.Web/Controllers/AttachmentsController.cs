using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attachments;
using RegionalTraining.Web.Infrastructure.Export;

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
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken) =>
        this.SandboxedFileOrNotFound(store, await attachments.ReadableAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken));
}
