using Microsoft.EntityFrameworkCore;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Calendar;

/// <summary>One collection as residents see it.</summary>
internal sealed record CollectionDay(DateOnly Day, WasteType Type);

/// <summary>What the resident pages, the feed and the API read: always the current town's rows (query filter and RLS).</summary>
internal sealed class WasteQueries(WasteDbContext db)
{
    public async Task<IReadOnlyList<WasteType>> TypesAsync(CancellationToken cancellationToken) =>
        await db.Types.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken);

    public Task<CollectionArea?> AreaAsync(Guid id, CancellationToken cancellationToken) =>
        db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<CollectionArea>> AreasAsync(CancellationToken cancellationToken) =>
        await db.Areas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);

    /// <summary>Collections of the area between two days (inclusive), of the given types (all when empty), by day.</summary>
    public async Task<IReadOnlyList<CollectionDay>> CollectionsAsync(
        Guid areaId, DateOnly from, DateOnly to, IReadOnlyCollection<Guid> typeIds, CancellationToken cancellationToken)
    {
        var types = (await TypesAsync(cancellationToken)).ToDictionary(t => t.Id);
        var query = db.Collections.AsNoTracking().Where(c => c.AreaId == areaId && c.Day >= from && c.Day <= to);
        if (typeIds.Count > 0)
        {
            query = query.Where(c => typeIds.Contains(c.TypeId));
        }
        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows.Where(r => types.ContainsKey(r.TypeId))
            .Select(r => new CollectionDay(r.Day, types[r.TypeId]))
            .OrderBy(c => c.Day).ThenBy(c => c.Type.SortOrder).ThenBy(c => c.Type.Name, StringComparer.Ordinal)];
    }
}
