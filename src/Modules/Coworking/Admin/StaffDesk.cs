using Microsoft.EntityFrameworkCore;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Admin;

/// <summary>The front desk's view: today's bookings (who is coming, checked in or not) and the month's figures.</summary>
internal sealed class StaffDesk(CoworkingDbContext db, TownTime time)
{
    public async Task<IReadOnlyList<TodayRow>> DayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = (time.UtcOf(day), time.UtcOf(day.AddDays(1)));
        var workplaces = await db.Workplaces.AsNoTracking().ToDictionaryAsync(w => w.Id, cancellationToken);
        var spaces = await db.Spaces.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.CancelledAt == null && b.StartUtc < to && b.EndUtc > from)
            .OrderBy(b => b.StartUtc).ToListAsync(cancellationToken);
        return [.. bookings.Select(b => new TodayRow(b, workplaces[b.WorkplaceId], spaces[b.SpaceId], time.Local(b.StartUtc), time.Local(b.EndUtc)))];
    }

    /// <summary>Marks a booking of today as arrived; false when this town has no such live booking.</summary>
    public async Task<bool> CheckInAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.CancelledAt == null, cancellationToken);
        if (booking is null)
        {
            return false;
        }
        booking.CheckedInAt ??= time.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Per workplace of a month: booked hours against the hours its space was open (utilisation) and
    /// the fees of its bookings; passes sold count as revenue of the month they were sold in.
    /// </summary>
    public async Task<MonthFigures> MonthAsync(int year, int month, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var (from, to) = (time.UtcOf(first), time.UtcOf(next));
        var workplaces = await db.Workplaces.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        var spaces = await db.Spaces.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var hours = (await db.Hours.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(h => h.SpaceId);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.CancelledAt == null && b.StartUtc >= from && b.StartUtc < to)
            .Select(b => new { b.WorkplaceId, b.StartUtc, b.EndUtc, b.PriceCents }).ToListAsync(cancellationToken);
        var passes = await db.Passes.AsNoTracking().Where(p => p.CreatedAt >= from && p.CreatedAt < to).SumAsync(p => p.PriceCents, cancellationToken);
        var days = Enumerable.Range(0, next.DayNumber - first.DayNumber).Select(first.AddDays).ToList();
        var rows = workplaces.Select(w =>
        {
            var week = hours[w.SpaceId].ToDictionary(h => h.Weekday, h => h.ClosesMinute - h.OpensMinute);
            var openMinutes = days.Sum(d => week.GetValueOrDefault((int)d.DayOfWeek));
            var mine = bookings.Where(b => b.WorkplaceId == w.Id).ToList();
            var bookedMinutes = mine.Sum(b => (int)(b.EndUtc - b.StartUtc).TotalMinutes);
            return new WorkplaceMonth(w, spaces[w.SpaceId], mine.Count, bookedMinutes, openMinutes, mine.Sum(b => b.PriceCents));
        }).ToList();
        return new MonthFigures(first, rows, passes);
    }
}

internal sealed record TodayRow(DeskBooking Booking, Workplace Workplace, Space Space, DateTime Start, DateTime End);

internal sealed record WorkplaceMonth(Workplace Workplace, Space Space, int Bookings, int BookedMinutes, int OpenMinutes, int RevenueCents)
{
    public int UtilisationPercent => OpenMinutes == 0 ? 0 : (int)Math.Round(100.0 * BookedMinutes / OpenMinutes);
}

internal sealed record MonthFigures(DateOnly Month, IReadOnlyList<WorkplaceMonth> Workplaces, int PassCents)
{
    public int RevenueCents => Workplaces.Sum(w => w.RevenueCents) + PassCents;
}
