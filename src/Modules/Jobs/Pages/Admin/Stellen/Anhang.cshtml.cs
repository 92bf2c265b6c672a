using Microsoft.AspNetCore.Mvc;
using Saas.Kernel.Tenancy;
using Saas.Modules.Jobs.Applications;

namespace Saas.Modules.Jobs.Pages.Admin.Stellen;

/// <summary>
/// Downloads one PDF of an application. The row is looked up in the current town (filter and row-level
/// security), and the path is built from the town's own id: an id of another town finds nothing (404).
/// Sent as an attachment with nosniff, never shown inline on the town's origin.
/// </summary>
internal sealed class JobsAdminAttachmentModel(ApplicationDesk desk, AttachmentStore store, ITenantContext tenant) : ApplicationsAdminPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await desk.AttachmentAsync(Id, cancellationToken) is not { } attachment)
        {
            return NotFound();
        }
        var path = store.FileOf(tenant.TenantId!.Value, attachment.ApplicationId, attachment.Id);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, "application/pdf", attachment.FileName);
    }
}
