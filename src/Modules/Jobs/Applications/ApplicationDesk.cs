using Microsoft.EntityFrameworkCore;
using Saas.Modules.Jobs.Data;

namespace Saas.Modules.Jobs.Applications;

/// <summary>Staff's view of applications: per posting, one with its files, status changes.</summary>
internal sealed class ApplicationDesk(JobsDbContext db)
{
    public Task<List<JobApplication>> ForPostingAsync(Guid posting, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().Where(a => a.PostingId == posting).OrderBy(a => a.SubmittedAt).ToListAsync(cancellationToken);

    public Task<JobApplication?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<JobPosting> PostingAsync(Guid id, CancellationToken cancellationToken) =>
        db.Postings.AsNoTracking().FirstAsync(p => p.Id == id, cancellationToken);

    public Task<List<JobAttachment>> AttachmentsAsync(Guid application, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking().Where(a => a.ApplicationId == application).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public Task<JobAttachment?> AttachmentAsync(Guid id, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
