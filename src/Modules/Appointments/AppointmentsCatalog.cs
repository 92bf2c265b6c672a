using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Data;
using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments;

/// <summary>Reads the town's services and everything the slot engine needs for one of them.</summary>
internal sealed class AppointmentsCatalog(AppointmentsDbContext db, ITenantContext tenant, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>The services residents can book (not retired), by name.</summary>
    public async Task<List<ServiceWithLocation>> ServicesAsync(CancellationToken cancellationToken) =>
        [.. (await AllServicesAsync(cancellationToken)).Where(s => s.Service.RetiredAt is null)];

    /// <summary>Every service, retired ones too: what existing bookings refer to.</summary>
    public async Task<List<ServiceWithLocation>> AllServicesAsync(CancellationToken cancellationToken)
    {
        var setup = await SetupAsync(cancellationToken);
        return [.. setup.Services.Values.OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => new ServiceWithLocation(s, setup.Locations[s.LocationId]))];
    }

    /// <summary>The further locations of every service (itinerant office hours), by service id.</summary>
    public async Task<ILookup<Guid, Location>> FurtherLocationsAsync(CancellationToken cancellationToken)
    {
        var setup = await SetupAsync(cancellationToken);
        return setup.Services.Keys
            .SelectMany(service => setup.FurtherLocations[service].Select(location => (service, Location: setup.Locations[location])))
            .OrderBy(k => k.Location.Name, StringComparer.CurrentCulture)
            .ToLookup(k => k.service, k => k.Location);
    }

    /// <summary>The service with its location's rules, or null when this town has no such service.</summary>
    public Task<ServicePlan?> PlanForAsync(Guid serviceId, CancellationToken cancellationToken) => PlanForAsync(serviceId, null, cancellationToken);

    /// <summary>
    /// The plan at <paramref name="locationId"/> (its main location when null); null when the service is not offered there.
    /// A retired service still has its plan (its bookings are reminded, cancelled, moved); new bookings check <see cref="Service.RetiredAt"/>.
    /// </summary>
    public async Task<ServicePlan?> PlanForAsync(Guid serviceId, Guid? locationId, CancellationToken cancellationToken)
    {
        var setup = await SetupAsync(cancellationToken);
        if (!setup.Services.TryGetValue(serviceId, out var service)
            || (locationId is { } other && other != service.LocationId && !setup.FurtherLocations[serviceId].Contains(other)))
        {
            return null;
        }
        var location = setup.Locations[locationId ?? service.LocationId];
        var settings = tenant.Current?.Settings;
        var planner = new SlotPlanner(TimeZoneInfo.FindSystemTimeZoneById(settings?.TimeZone ?? "Europe/Berlin"), settings?.FederalState);
        return new ServicePlan(
            service,
            location,
            new LocationRules(location.Counters, location.SlotMinutes, location.MinimumNoticeMinutes, location.HorizonDays),
            [.. setup.Hours[location.Id]],
            setup.ClosedDays[location.Id].ToHashSet(),
            planner);
    }

    private Task<TownSetup> SetupAsync(CancellationToken cancellationToken) => TownSetup.GetAsync(db, tenant, cache, cancellationToken);

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
