using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Privacy;
using Saas.Kernel.Tenancy;
using Saas.Modules.Jobs.Applications;
using Saas.Modules.Jobs.Data;

namespace Saas.Modules.Jobs.Privacy;

/// <summary>
/// The resident's job applications, found by the e-mail address they applied with (the form needs no account).
/// Export lists them with the posting and the names of the files; erasure deletes rows and files: an application
/// without the person is worth nothing to the town.
/// </summary>
internal sealed class JobsPersonalData(JobsDbContext db, AttachmentStore store, ITenantContext tenant) : IPersonalDataContributor
{
    public string Name => "jobs";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var applications = await Mine(subject).AsNoTracking()
            .Join(db.Postings, a => a.PostingId, p => p.Id, (a, p) => new { a.Id, posting = p.Title, a.Name, a.Email, a.Phone, a.CoverLetter, a.Status, a.SubmittedAt })
            .ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return null;
        }
        var ids = applications.Select(a => a.Id).ToList();
        var files = await db.Attachments.AsNoTracking().Where(f => ids.Contains(f.ApplicationId)).ToListAsync(cancellationToken);
        return new
        {
            applications = applications.OrderBy(a => a.SubmittedAt).Select(a => new
            {
                a.posting,
                name = a.Name,
                email = a.Email,
                phone = a.Phone,
                coverLetter = a.CoverLetter,
                status = a.Status,
                submittedAt = DateTime.SpecifyKind(a.SubmittedAt, DateTimeKind.Utc),
                attachments = files.Where(f => f.ApplicationId == a.Id).Select(f => f.FileName).ToList(),
            }),
        };
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var applications = await Mine(subject).ToListAsync(cancellationToken);
        foreach (var application in applications)
        {
            store.Delete(tenant.TenantId!.Value, application.Id);
        }
        var ids = applications.Select(a => a.Id).ToList();
        db.Attachments.RemoveRange(await db.Attachments.Where(f => ids.Contains(f.ApplicationId)).ToListAsync(cancellationToken));
        db.Applications.RemoveRange(applications);
        await db.SaveChangesAsync(cancellationToken);
    }

#pragma warning disable CA1862 // string.Equals with a comparison does not translate to SQL; LOWER does.
    private IQueryable<JobApplication> Mine(PersonalDataSubject subject)
    {
        var email = subject.Email.ToLowerInvariant();
        return db.Applications.Where(a => a.Email.ToLower() == email);
    }
#pragma warning restore CA1862
}
