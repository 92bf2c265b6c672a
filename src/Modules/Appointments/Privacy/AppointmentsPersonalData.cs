using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Privacy;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Privacy;

/// <summary>
/// The resident's appointments, found by the e-mail address they were booked with (bookings need
/// no account). Erasing cancels what is still ahead, which frees the seats for others, and replaces
/// name and address on every booking; the bare times stay for the town's figures.
/// </summary>
internal sealed class AppointmentsPersonalData(AppointmentsDbContext db, SlotLedger ledger, TimeProvider clock) : IPersonalDataContributor
{
    public const string ErasedName = "Gelöschtes Konto";

    public string Name => "appointments";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        var bookings = await db.Bookings.AsNoTracking()
            .Where(ByAddress(email))
            .OrderBy(b => b.Start)
            .Join(db.Services, b => b.ServiceId, s => s.Id, (b, s) => new
            {
                service = s.Name,
                start = b.Start,
                end = b.End,
                name = b.Name,
                email = b.Email,
                bookedAt = b.CreatedAt,
                cancelledAt = b.CancelledAt,
            })
            .ToListAsync(cancellationToken);
        return bookings.Count == 0 ? null : new { bookings = bookings.Select(b => b with
        {
            start = DateTime.SpecifyKind(b.start, DateTimeKind.Utc),
            end = DateTime.SpecifyKind(b.end, DateTimeKind.Utc),
        }) };
    }

    /// <summary>
    /// Bookings keep the address as typed; lower-casing in the query (SQL LOWER) matches it however
    /// it was capitalised. The analyzer's string.Equals suggestion does not translate to SQL.
    /// </summary>
#pragma warning disable CA1862
    private static System.Linq.Expressions.Expression<Func<Data.Booking, bool>> ByAddress(string lowerCaseEmail) =>
        b => b.Email.ToLower() == lowerCaseEmail;
#pragma warning restore CA1862

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        var bookings = await db.Bookings.Where(ByAddress(email)).ToListAsync(cancellationToken);
        foreach (var booking in bookings.Where(b => b.CancelledAt is null && b.Start > now))
        {
            await ledger.CancelAsync(booking, now, cancellationToken);
        }
        foreach (var booking in bookings)
        {
            booking.Name = ErasedName;
            booking.Email = $"geloescht-{booking.Id:N}@invalid";
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
