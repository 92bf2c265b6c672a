using Microsoft.EntityFrameworkCore;
using Saas.Host.Audit;
using Saas.Kernel.Privacy;

namespace Saas.Host.Accounts.Privacy;

/// <summary>
/// The town's audit log as far as it concerns the resident: what they did (entries where they are
/// the actor) and what staff did about them (entries naming their e-mail address). Erasing keeps
/// the entries, since the town must still be able to tell what happened, but removes the person:
/// the actor becomes "Gelöschtes Konto", the client address goes, and the e-mail address is
/// replaced wherever it was written into a target or details.
/// </summary>
internal sealed class AuditLogPersonalData(AuditDbContext db) : IPersonalDataContributor
{
    public const string DeletedActor = "Gelöschtes Konto";

    public string Name => "audit-log";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var entries = await ConcerningAsync(subject, cancellationToken);
        if (entries.Count == 0)
        {
            return null;
        }
        return new
        {
            ByYou = entries.Where(e => e.ActorId == subject.AccountId)
                .Select(e => new { At = Utc(e.At), e.Action, e.Target, e.Details, e.Address }).ToList(),
            // Staff are other people: their names and addresses stay out of the resident's copy.
            AboutYou = entries.Where(e => e.ActorId != subject.AccountId)
                .Select(e => new { At = Utc(e.At), e.Action, ByKind = e.ActorKind, e.Target, e.Details }).ToList(),
        };
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        foreach (var entry in await ConcerningAsync(subject, cancellationToken))
        {
            if (entry.ActorId == subject.AccountId)
            {
                entry.ActorName = DeletedActor;
                entry.Address = null;
            }
            entry.Target = Scrub(entry.Target, subject.Email);
            entry.Details = Scrub(entry.Details, subject.Email);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<List<AuditEntry>> ConcerningAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        // lower() in SQL on both providers; EF cannot translate the StringComparison overload.
#pragma warning disable CA1862
        return db.Entries
            .Where(e => e.ActorId == subject.AccountId
                || (e.Target != null && e.Target.ToLower().Contains(email))
                || (e.Details != null && e.Details.ToLower().Contains(email)))
            .OrderBy(e => e.At)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1862
    }

    private static string? Scrub(string? text, string email) =>
        text?.Replace(email, DeletedActor, StringComparison.OrdinalIgnoreCase);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
