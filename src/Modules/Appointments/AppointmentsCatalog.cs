using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Data;
using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments;

/// <summary>Reads the town's services and everything the slot engine needs for one of them.</summary>
internal sealed class AppointmentsCatalog(AppointmentsDbContext db, ITenantContext tenant, TimeProvider clock)
{
    public async Task<List<ServiceWithLocation>> ServicesAsync(CancellationToken cancellationToken)
    {
        var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        var services = await db.Services.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return [.. services.Select(s => new ServiceWithLocation(s, locations[s.LocationId]))];
    }

    /// <summary>The further locations of every service (itinerant office hours), by service id.</summary>
    public async Task<ILookup<Guid, Location>> FurtherLocationsAsync(CancellationToken cancellationToken)
    {
        var links = await db.ServiceLocations.AsNoTracking().ToListAsync(cancellationToken);
        var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        return links.OrderBy(k => locations[k.LocationId].Name, StringComparer.CurrentCulture).ToLookup(k => k.ServiceId, k => locations[k.LocationId]);
    }

    /// <summary>The service with its location's rules, or null when this town has no such service.</summary>
    public Task<ServicePlan?> PlanForAsync(Guid serviceId, CancellationToken cancellationToken) => PlanForAsync(serviceId, null, cancellationToken);

    /// <summary>The plan at <paramref name="locationId"/> (its main location when null); null when the service is not offered there.</summary>
    public async Task<ServicePlan?> PlanForAsync(Guid serviceId, Guid? locationId, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null || (locationId is { } other && other != service.LocationId
            && !await db.ServiceLocations.AnyAsync(l => l.ServiceId == serviceId && l.LocationId == other, cancellationToken)))
        {
            return null;
        }
        var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == (locationId ?? service.LocationId), cancellationToken);
        var hours = await db.OpeningHours.AsNoTracking().Where(h => h.LocationId == location.Id)
            .Select(h => new { h.Weekday, h.OpensMinute, h.ClosesMinute }).ToListAsync(cancellationToken);
        var special = await db.SpecialDays.AsNoTracking().Where(d => d.LocationId == location.Id)
            .Select(d => new { d.Day, d.OpensMinute, d.ClosesMinute }).ToListAsync(cancellationToken);
        var closed = await db.ClosedDays.AsNoTracking().Where(c => c.LocationId == location.Id).Select(c => c.Day).ToListAsync(cancellationToken);
        var settings = tenant.Current?.Settings;
        var planner = new SlotPlanner(TimeZoneInfo.FindSystemTimeZoneById(settings?.TimeZone ?? "Europe/Berlin"), settings?.FederalState);
        return new ServicePlan(
            service,
            location,
            new LocationRules(location.Counters, location.SlotMinutes, location.MinimumNoticeMinutes, location.HorizonDays),
            [.. hours.Select(h => new OpeningInterval((DayOfWeek)h.Weekday, h.OpensMinute, h.ClosesMinute)),
             .. special.Select(d => new OpeningInterval(d.Day.DayOfWeek, d.OpensMinute, d.ClosesMinute, d.Day))],
            closed.ToHashSet(),
            planner);
    }

    /// <summary>Seats taken per grid cell (UTC start) of a location between two instants.</summary>
    /// <remarks>Holds past their time count as free even before the release job gave their cells back.</remarks>
    public async Task<IReadOnlyDictionary<DateTime, int>> BookedAsync(Guid locationId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var booked = await db.SlotCounts.AsNoTracking()
            .Where(s => s.LocationId == locationId && s.Start >= fromUtc && s.Start < toUtc && s.Booked > 0)
            .ToDictionaryAsync(s => DateTime.SpecifyKind(s.Start, DateTimeKind.Utc), s => s.Booked, cancellationToken);
        return await Booking.ExpiredHolds.SubtractAsync(db, booked, locationId, fromUtc, toUtc, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}

internal sealed record ServiceWithLocation(Service Service, Location Location);

internal sealed record ServicePlan(
    Service Service, Location Location, LocationRules Rules, IReadOnlyList<OpeningInterval> Hours, IReadOnlySet<DateOnly> ClosedDays, SlotPlanner Planner)
{
    /// <summary>Every slot of the local days <paramref name="from"/> to <paramref name="to"/>, with seats left.</summary>
    public async Task<IReadOnlyList<Slot>> SlotsAsync(AppointmentsCatalog catalog, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A day before and after covers every offset the town's zone can have.
        var fromUtc = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var booked = await catalog.BookedAsync(Location.Id, fromUtc, toUtc, cancellationToken);
        return Planner.Plan(Rules, Hours, ClosedDays, Service.DurationMinutes, from, to, now, booked, Service.BufferMinutes);
    }
}
