using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Data;
using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments;

/// <summary>
/// A town's appointment setup: services, locations, weekly hours, special and closed days, and
/// which service is offered where. Staff change it rarely and residents read it on every slot
/// search, so it is read in one go and shared until the town's version changes (every staff
/// editor raises it through <c>IPublicPages</c>). A search then costs only the ledger's round trips.
/// </summary>
/// <remarks>The entities are shared between requests: read them, never change them.</remarks>
internal sealed record TownSetup(
    IReadOnlyDictionary<Guid, Service> Services,
    IReadOnlyDictionary<Guid, Location> Locations,
    ILookup<Guid, Guid> FurtherLocations,
    ILookup<Guid, OpeningInterval> Hours,
    ILookup<Guid, DateOnly> ClosedDays)
{
    /// <summary>
    /// The town's setup from memory, keyed by town id and version, so another town's entry can never
    /// answer and a change is seen by the next request on every node.
    /// </summary>
    public static async Task<TownSetup> GetAsync(AppointmentsDbContext db, ITenantContext tenant, IMemoryCache cache, CancellationToken cancellationToken)
    {
        if (tenant.Current is not { } town)
        {
            return await LoadAsync(db, cancellationToken);
        }
        var key = $"appointments-setup:{town.Id:N}:{town.Version}";
        if (cache.TryGetValue<TownSetup>(key, out var cached) && cached is not null)
        {
            return cached;
        }
        var setup = await LoadAsync(db, cancellationToken);
        // A lost version bump (logged by IPublicPages) heals within the lifetime, like the page cache.
        cache.Set(key, setup, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5),
            SlidingExpiration = TimeSpan.FromMinutes(2),
            Size = 1 + setup.Services.Count + setup.Locations.Count,
        });
        return setup;
    }

    private static async Task<TownSetup> LoadAsync(AppointmentsDbContext db, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        var further = await db.ServiceLocations.AsNoTracking().Select(l => new { l.ServiceId, l.LocationId }).ToListAsync(cancellationToken);
        var weekly = await db.OpeningHours.AsNoTracking()
            .Select(h => new { h.LocationId, h.Weekday, h.OpensMinute, h.ClosesMinute }).ToListAsync(cancellationToken);
        var special = await db.SpecialDays.AsNoTracking()
            .Select(d => new { d.LocationId, d.Day, d.OpensMinute, d.ClosesMinute }).ToListAsync(cancellationToken);
        var closed = await db.ClosedDays.AsNoTracking().Select(c => new { c.LocationId, c.Day }).ToListAsync(cancellationToken);
        var hours = weekly.Select(h => (h.LocationId, Interval: new OpeningInterval((DayOfWeek)h.Weekday, h.OpensMinute, h.ClosesMinute)))
            .Concat(special.Select(d => (d.LocationId, Interval: new OpeningInterval(d.Day.DayOfWeek, d.OpensMinute, d.ClosesMinute, d.Day))));
        return new TownSetup(
            services,
            locations,
            further.ToLookup(l => l.ServiceId, l => l.LocationId),
            hours.ToLookup(h => h.LocationId, h => h.Interval),
            closed.ToLookup(c => c.LocationId, c => c.Day));
    }
}
