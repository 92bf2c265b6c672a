using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Booking;

/// <summary>
/// The slot search's view of holds past their time that the release job has not reached yet: their
/// cells are free for the search, and the booker releases them (once, through the ledger) before booking.
/// </summary>
internal static class ExpiredHolds
{
    public static async Task<IReadOnlyDictionary<DateTime, int>> SubtractAsync(
        AppointmentsDbContext db, Dictionary<DateTime, int> booked, Guid locationId, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (booked.Count == 0)
        {
            return booked;
        }
        var expired = await db.Bookings.AsNoTracking()
            .Where(b => b.LocationId == locationId && b.ConfirmedAt == null && b.CancelledAt == null && b.HoldExpiresAt != null && b.HoldExpiresAt <= nowUtc
                        && b.End > fromUtc && b.Start < toUtc)
            .Select(b => new { b.Start, b.End })
            .ToListAsync(cancellationToken);
        foreach (var hold in expired)
        {
            var (start, end) = (DateTime.SpecifyKind(hold.Start, DateTimeKind.Utc), DateTime.SpecifyKind(hold.End, DateTimeKind.Utc));
            foreach (var cell in booked.Keys.Where(c => c >= start && c < end).ToList())
            {
                booked[cell] = Math.Max(0, booked[cell] - 1);
            }
        }
        return booked;
    }
}
