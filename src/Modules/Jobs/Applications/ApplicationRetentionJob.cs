using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;
using Saas.Modules.Jobs.Data;

namespace Saas.Modules.Jobs.Applications;

/// <summary>
/// Daily, per town: applications to postings that closed longer ago than <c>Jobs:ApplicationRetentionMonths</c>
/// (default 6, the time an unsuccessful applicant has to contest the decision, § 15 AGG plus margin) are
/// deleted with their files. Files first, rows after: a crash in between leaves rows whose files are gone,
/// and the next run deletes them (idempotent); never files without rows nobody would find again.
/// </summary>
internal sealed class ApplicationRetentionJob(JobsDbContext db, AttachmentStore store, ITenantContext tenant, TimeProvider clock, IConfiguration configuration) : ITenantJob
{
    public const string Id = "jobs-delete-old-applications";

    public int RetentionMonths => int.TryParse(configuration["Jobs:ApplicationRetentionMonths"], out var months) && months > 0 ? months : 6;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-RetentionMonths);
        var closed = db.Postings.Where(p => p.ClosesAt < cutoff).Select(p => p.Id);
        var applications = await db.Applications.Where(a => closed.Contains(a.PostingId)).ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return;
        }
        var town = tenant.TenantId!.Value;
        foreach (var application in applications)
        {
            store.Delete(town, application.Id);
        }
        var ids = applications.Select(a => a.Id).ToList();
        db.Attachments.RemoveRange(await db.Attachments.Where(a => ids.Contains(a.ApplicationId)).ToListAsync(cancellationToken));
        db.Applications.RemoveRange(applications);
        await db.SaveChangesAsync(cancellationToken);
    }
}
