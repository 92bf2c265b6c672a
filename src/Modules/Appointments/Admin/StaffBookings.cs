using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Admin;

/// <summary>One booking as staff see it in the day and week plans: times in the town's zone.</summary>
internal sealed record PlanRow(
    Guid Id, DateTime StartLocal, DateTime EndLocal, string Service, Guid LocationId, string Location, string Name, string Email,
    DateTime CreatedUtc, DateTime StartUtc, bool Cancelled, string? Attendance, string? Language = null);

/// <summary>The bookings of a span of local days, attendance and cancelling by staff.</summary>
internal sealed class StaffBookings(AppointmentsDbContext db, ITenantContext tenant, SlotLedger ledger, IAuditLog audit, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(tenant.Current?.Settings.TimeZone ?? "Europe/Berlin");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public async Task<IReadOnlyList<Location>> LocationsAsync(CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);

    /// <summary>Bookings starting on the local days <paramref name="from"/> to <paramref name="to"/>, by start time.</summary>
    public async Task<IReadOnlyList<PlanRow>> BetweenAsync(DateOnly from, DateOnly to, bool withCancelled, CancellationToken cancellationToken)
    {
        var fromUtc = UtcOf(from);
        var toUtc = UtcOf(to.AddDays(1));
        // Unconfirmed holds are not appointments yet: they expire within 15 minutes unless the resident confirms.
        var query = db.Bookings.AsNoTracking().Where(b => b.Start >= fromUtc && b.Start < toUtc && (b.ConfirmedAt != null || b.HoldExpiresAt == null));
        if (!withCancelled)
        {
            query = query.Where(b => b.CancelledAt == null);
        }
        var bookings = await query.ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        return [.. bookings.OrderBy(b => b.Start).ThenBy(b => b.Name, StringComparer.CurrentCulture).Select(b =>
        {
            var service = services[b.ServiceId];
            // The plan shows the time the resident is served; the buffer after it is the office's.
            return new PlanRow(
                b.Id, Local(b.Start), Local(b.Start).AddMinutes(service.DurationMinutes), service.Name, b.LocationId, locations[b.LocationId].Name,
                b.Name, b.Email, Utc(b.CreatedAt), Utc(b.Start), b.CancelledAt is not null, b.Attendance, b.Language);
        })];
    }

    public Task<Data.Booking?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);

    public async Task<PlanRow?> RowAsync(Guid id, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return null;
        }
        var day = DateOnly.FromDateTime(Local(booking.Start));
        return (await BetweenAsync(day, day, withCancelled: true, cancellationToken)).SingleOrDefault(r => r.Id == id);
    }

    /// <summary>Marks attended or no-show (or clears it with null); only bookings that stand (not cancelled).</summary>
    public async Task<bool> MarkAsync(Guid id, string? attendance, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == id && b.CancelledAt == null, cancellationToken);
        if (booking is null || attendance is not (null or AttendanceValues.Attended or AttendanceValues.NoShow))
        {
            return false;
        }
        booking.Attendance = attendance;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("appointments.booking.marked", $"{booking.Name}, {Local(booking.Start):yyyy-MM-dd HH:mm}", attendance ?? "–", cancellationToken);
        return true;
    }

    /// <summary>Cancels by staff: the cells go back through the ledger, the message is kept for the resident's mail.</summary>
    public async Task<bool> CancelAsync(Guid id, string message, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(id, cancellationToken);
        if (booking is null || booking.CancelledAt is not null || !await ledger.CancelAsync(booking, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return false;
        }
        await db.Bookings.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelMessage, message), cancellationToken);
        await audit.RecordAsync("appointments.booking.cancelled", $"{booking.Name}, {Local(booking.Start):yyyy-MM-dd HH:mm}", message, cancellationToken);
        return true;
    }

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), Zone);

    /// <summary>The instant local midnight of <paramref name="day"/> is (the first, should the clock show it twice).</summary>
    public DateTime UtcOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).UtcDateTime;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
