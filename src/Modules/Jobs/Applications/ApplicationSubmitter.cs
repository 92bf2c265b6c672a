using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Applications;

/// <summary>The application form as typed.</summary>
internal sealed class ApplicationInput
{
    public Guid FormId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? CoverLetter { get; set; }
}

internal enum SubmitOutcome
{
    Stored,
    AlreadyStored,
    Refused,
    Closed,
}

/// <summary>
/// Takes an application: every check (texts, up to three PDFs by content, the deadline) before anything is
/// written; then the files, then the rows in one SaveChanges, and the files removed again if the rows fail.
/// The form's id is the application's id, so a second submit of the same form stores nothing twice.
/// </summary>
internal sealed class ApplicationSubmitter(JobsDbContext db, AttachmentStore store, ITenantContext tenant, TownClock clock)
{
    public const int MaxFiles = 3;
    public const int CoverLetterMax = 10_000;

    public async Task<(SubmitOutcome Outcome, List<(string Field, string Key)> Problems, JobApplication? Application)> SubmitAsync(
        JobPosting posting, ApplicationInput input, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        var problems = new List<(string, string)>();
        if (!posting.IsOpenAt(clock.UtcNow) || posting.ApplyUrl is not null)
        {
            return (SubmitOutcome.Closed, problems, null);
        }
        if (input.FormId != Guid.Empty
            && await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.FormId, cancellationToken) is { } earlier)
        {
            return (SubmitOutcome.AlreadyStored, problems, earlier);
        }
        var name = (input.Name ?? "").Trim();
        var email = (input.Email ?? "").Trim();
        var phone = (input.Phone ?? "").Trim();
        var letter = (input.CoverLetter ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            problems.Add((nameof(input.Name), name.Length == 0 ? "jobs.apply.error.name" : "jobs.apply.error.toolong"));
        }
        if (!IsAddress(email))
        {
            problems.Add((nameof(input.Email), "jobs.apply.error.email"));
        }
        if (phone.Length > 40)
        {
            problems.Add((nameof(input.Phone), "jobs.apply.error.toolong"));
        }
        if (letter.Length is 0 or > CoverLetterMax)
        {
            problems.Add((nameof(input.CoverLetter), letter.Length == 0 ? "jobs.apply.error.letter" : "jobs.apply.error.toolong"));
        }
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var pdfs = new List<(string Name, byte[] Content)>();
        if (chosen.Count > MaxFiles)
        {
            problems.Add(("Anhaenge", "jobs.apply.error.file.count"));
        }
        else
        {
            foreach (var file in chosen)
            {
                if (file.Length > PdfCheck.MaxBytes)
                {
                    problems.Add(("Anhaenge", "jobs.apply.error.file.size"));
                    continue;
                }
                var content = new byte[file.Length];
                await using (var stream = file.OpenReadStream())
                {
                    await stream.ReadExactlyAsync(content, cancellationToken);
                }
                if (PdfCheck.Problem(content) is { } problem)
                {
                    problems.Add(("Anhaenge", problem));
                    continue;
                }
                pdfs.Add((CleanName(file.FileName), content));
            }
        }
        if (problems.Count > 0)
        {
            return (SubmitOutcome.Refused, problems, null);
        }
        var town = tenant.TenantId!.Value;
        var application = new JobApplication
        {
            Id = input.FormId == Guid.Empty ? Guid.CreateVersion7() : input.FormId,
            PostingId = posting.Id,
            Name = name,
            Email = email,
            Phone = phone.Length == 0 ? null : phone,
            CoverLetter = letter,
            SubmittedAt = clock.UtcNow,
        };
        db.Applications.Add(application);
        try
        {
            foreach (var (fileName, content) in pdfs)
            {
                var attachment = new JobAttachment { ApplicationId = application.Id, FileName = fileName, Size = content.Length };
                await store.WriteAsync(town, application.Id, attachment.Id, content, cancellationToken);
                db.Attachments.Add(attachment);
            }
            await db.SaveChangesAsync(cancellationToken);
            return (SubmitOutcome.Stored, problems, application);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same form sent twice at once: the other request stored it (and its files, in the same directory).
            db.ChangeTracker.Clear();
            return (SubmitOutcome.AlreadyStored, problems, await db.Applications.AsNoTracking().FirstAsync(a => a.Id == application.Id, cancellationToken));
        }
        catch
        {
            store.Delete(town, application.Id);
            throw;
        }
    }

    private static bool IsAddress(string email) =>
        email.Length is >= 3 and <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    /// <summary>A name to show and offer on download: no path, no control characters, ends in .pdf.</summary>
    private static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '/' or ':' or '*' or '?' or '|')).ToArray()).Trim();
        if (name.Length > 120)
        {
            name = name[^120..];
        }
        if (name.Length == 0)
        {
            name = "anhang.pdf";
        }
        return name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? name : name + ".pdf";
    }
}
