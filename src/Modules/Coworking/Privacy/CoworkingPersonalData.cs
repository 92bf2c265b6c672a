using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Privacy;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Privacy;

/// <summary>
/// The resident's desk bookings and passes, found by account (co-working always books with one).
/// Erasing cancels what is still ahead, which frees the desks, and replaces name and address on
/// every row; the bare times and fees stay for the town's figures and invoices.
/// </summary>
internal sealed class CoworkingPersonalData(CoworkingDbContext db, TimeProvider clock) : IPersonalDataContributor
{
    public const string ErasedName = "Gelöschtes Konto";

    public string Name => "coworking";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.AccountId == subject.AccountId).OrderBy(b => b.StartUtc)
            .Join(db.Workplaces, b => b.WorkplaceId, w => w.Id, (b, w) => new
            {
                workplace = w.Name, start = b.StartUtc, end = b.EndUtc, name = b.Name, email = b.Email, payment = b.Payment, priceCents = b.PriceCents,
                bookedAt = b.CreatedAt, cancelledAt = b.CancelledAt, checkedInAt = b.CheckedInAt,
            })
            .ToListAsync(cancellationToken);
        var passes = await db.Passes.AsNoTracking().Where(p => p.AccountId == subject.AccountId)
            .Select(p => new { name = p.Name, email = p.Email, days = p.Days, daysUsed = p.DaysUsed, priceCents = p.PriceCents, payment = p.Payment, orderedAt = p.CreatedAt }).ToListAsync(cancellationToken);
        return bookings.Count == 0 && passes.Count == 0 ? null : new
        {
            bookings = bookings.Select(b => b with { start = DateTime.SpecifyKind(b.start, DateTimeKind.Utc), end = DateTime.SpecifyKind(b.end, DateTimeKind.Utc) }),
            passes,
        };
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Bookings.Where(b => b.AccountId == subject.AccountId && b.CancelledAt == null && b.StartUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelledAt, now), cancellationToken);
        await db.Bookings.Where(b => b.AccountId == subject.AccountId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, ErasedName).SetProperty(b => b.Email, "geloescht@invalid"), cancellationToken);
        await db.Passes.Where(p => p.AccountId == subject.AccountId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, ErasedName).SetProperty(p => p.Email, "geloescht@invalid"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
