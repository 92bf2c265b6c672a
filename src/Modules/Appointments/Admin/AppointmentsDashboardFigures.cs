using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Admin;

/// <summary>
/// The appointment figures on the staff dashboard: today's bookings, bookings per day over the last
/// 28 days, how full the next 7 days are (booked seats of the cells in use), the no-show rate of the
/// last 28 days (of those marked) and the median lead time in days between booking and appointment.
/// </summary>
internal sealed class AppointmentsDashboardFigures(AppointmentsDbContext db, StaffBookings bookings, TimeProvider clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetAsync(CancellationToken cancellationToken)
    {
        var today = bookings.Today;
        var todayStart = bookings.UtcOf(today);
        var tomorrow = bookings.UtcOf(today.AddDays(1));
        var weekEnd = bookings.UtcOf(today.AddDays(7));
        var pastStart = bookings.UtcOf(today.AddDays(-28));
        var now = clock.GetUtcNow().UtcDateTime;
        // Confirmed appointments only: an unconfirmed hold either becomes one or expires.
        var standing = db.Bookings.AsNoTracking().Where(b => b.CancelledAt == null && (b.ConfirmedAt != null || b.HoldExpiresAt == null));

        var todayCount = await standing.CountAsync(b => b.Start >= todayStart && b.Start < tomorrow, cancellationToken);
        var past = await standing.Where(b => b.Start >= pastStart && b.Start < todayStart)
            .Select(b => new { b.Attendance, b.CreatedAt, b.Start }).ToListAsync(cancellationToken);
        var cells = await db.SlotCounts.AsNoTracking().Where(s => s.Start >= now && s.Start < weekEnd)
            .Select(s => new { s.Booked, s.Capacity }).ToListAsync(cancellationToken);
        var capacity = cells.Sum(c => c.Capacity);
        var marked = past.Count(p => p.Attendance is not null);
        var noShows = past.Count(p => p.Attendance == AttendanceValues.NoShow);
        var leads = past.Select(p => (p.Start - p.CreatedAt).TotalDays).Order().ToList();
        return
        [
            new("appointments.dashboard.today", todayCount, "/admin/termine/tagesplan"),
            new("appointments.dashboard.perDay", (long)Math.Round(past.Count / 28.0, MidpointRounding.AwayFromZero), "/admin/termine/woche"),
            new("appointments.dashboard.utilisation", capacity == 0 ? 0 : (long)Math.Round(100.0 * cells.Sum(c => c.Booked) / capacity), "/admin/termine/woche"),
            new("appointments.dashboard.noShowRate", marked == 0 ? 0 : (long)Math.Round(100.0 * noShows / marked)),
            new("appointments.dashboard.leadDays", leads.Count == 0 ? 0 : (long)Math.Round(leads[leads.Count / 2])),
        ];
    }
}
