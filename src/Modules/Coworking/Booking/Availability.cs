using Microsoft.EntityFrameworkCore;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Booking;

/// <summary>What is free when: per workplace of a space, the half-hour cells of a day, and per day of a week the free hours.</summary>
internal sealed class Availability(CoworkingDbContext db, TownTime time)
{
    public Task<List<Space>> SpacesAsync(CancellationToken cancellationToken) =>
        db.Spaces.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>The space of one of this town's workplaces, or null.</summary>
    public Task<Guid?> SpaceOfAsync(Guid workplaceId, CancellationToken cancellationToken) =>
        db.Workplaces.AsNoTracking().Where(w => w.Id == workplaceId).Select(w => (Guid?)w.SpaceId).SingleOrDefaultAsync(cancellationToken);

    public async Task<SpaceWeek?> WeekAsync(Guid spaceId, DateOnly day, CancellationToken cancellationToken)
    {
        var space = await db.Spaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is null)
        {
            return null;
        }
        var hours = await db.Hours.AsNoTracking().Where(h => h.SpaceId == spaceId).ToDictionaryAsync(h => h.Weekday, cancellationToken);
        var workplaces = await db.Workplaces.AsNoTracking().Where(w => w.SpaceId == spaceId && w.Active).OrderBy(w => w.Kind).ThenBy(w => w.Name).ToListAsync(cancellationToken);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var fromUtc = time.UtcOf(monday);
        var toUtc = time.UtcOf(monday.AddDays(7));
        var booked = (await db.Bookings.AsNoTracking()
            .Where(b => b.SpaceId == spaceId && b.CancelledAt == null && b.StartUtc < toUtc && b.EndUtc > fromUtc)
            .Select(b => new { b.WorkplaceId, b.StartUtc, b.EndUtc }).ToListAsync(cancellationToken))
            .ToLookup(b => b.WorkplaceId, b => (Start: DateTime.SpecifyKind(b.StartUtc, DateTimeKind.Utc), End: DateTime.SpecifyKind(b.EndUtc, DateTimeKind.Utc)));
        var now = time.UtcNow;
        var days = Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d =>
        {
            var open = hours.GetValueOrDefault((int)d.DayOfWeek);
            var rows = workplaces.Select(w => new WorkplaceDay(w, open is null ? [] :
                [.. Enumerable.Range(0, (open.ClosesMinute - open.OpensMinute) / Spans.Grid).Select(i =>
                {
                    var minute = open.OpensMinute + (i * Spans.Grid);
                    var start = time.UtcOf(d, minute);
                    var end = time.UtcOf(d, minute + Spans.Grid);
                    var state = booked[w.Id].Any(b => b.Start < end && start < b.End) ? CellState.Booked : start <= now ? CellState.Past : CellState.Free;
                    return new Cell(minute, state);
                })])).ToList();
            return new SpaceDay(d, open, rows);
        }).ToList();
        return new SpaceWeek(space, hours, workplaces, days);
    }
}

internal enum CellState
{
    Free,
    Booked,
    Past,
}

internal sealed record Cell(int Minute, CellState State);

internal sealed record WorkplaceDay(Workplace Workplace, IReadOnlyList<Cell> Cells)
{
    public int FreeMinutes => Cells.Count(c => c.State == CellState.Free) * Spans.Grid;
}

internal sealed record SpaceDay(DateOnly Day, SpaceHours? Hours, IReadOnlyList<WorkplaceDay> Workplaces);

internal sealed record SpaceWeek(Space Space, IReadOnlyDictionary<int, SpaceHours> Hours, IReadOnlyList<Workplace> Workplaces, IReadOnlyList<SpaceDay> Days);
