using Microsoft.Extensions.Caching.Memory;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.WasteCalendar.Calendar;

/// <summary>
/// The ICS feed of an area, kept in memory per town, town version, area and chosen types: a
/// staff change raises the town's version, so the next download is written afresh; another
/// town's feed can never answer (its id is part of the key).
/// </summary>
internal sealed class CalendarFeed(WasteQueries queries, ITenantContext tenant, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>From the start of last year to the end of next: what a phone needs, bounded.</summary>
    public async Task<string?> GetAsync(Guid areaId, IReadOnlyCollection<Guid> typeIds, CancellationToken cancellationToken)
    {
        var town = tenant.Current ?? throw new InvalidOperationException("The feed is written inside a town.");
        var types = string.Join(",", typeIds.Order().Select(t => t.ToString("N")));
        var key = $"waste-ics:{town.Id:N}:{town.Version}:{areaId:N}:{types}";
        if (cache.TryGetValue<string>(key, out var cached) && cached is not null)
        {
            return cached;
        }
        if (await queries.AreaAsync(areaId, cancellationToken) is not { } area)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var from = new DateOnly(now.Year - 1, 1, 1);
        var to = new DateOnly(now.Year + 1, 12, 31);
        var collections = await queries.CollectionsAsync(areaId, from, to, typeIds, cancellationToken);
        var ics = IcsWriter.Write($"Abfallkalender {town.Name} – {area.Name}", town.PrimaryHost.Split(':')[0], areaId, collections, now);
        cache.Set(key, ics, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1), Size = ics.Length });
        return ics;
    }
}
