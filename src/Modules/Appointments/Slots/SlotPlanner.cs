using Saas.Kernel.Calendar;

namespace Saas.Modules.Appointments.Slots;

/// <summary>The booking rules of one location, as the slot engine needs them.</summary>
internal sealed record LocationRules(int Counters, int SlotMinutes, int MinimumNoticeMinutes, int HorizonDays);

/// <summary>
/// An opening interval in the town's local time; two on one day leave a break between them. With a
/// <paramref name="Date"/> it is a special opening: that date's dated intervals replace the weekday's.
/// </summary>
internal sealed record OpeningInterval(DayOfWeek Day, int OpensMinute, int ClosesMinute, DateOnly? Date = null);

/// <summary>
/// A bookable start: its grid cells (UTC starts) and how many more bookings fit. <see cref="End"/> is
/// when the resident is done; <see cref="Occupied"/> when the last cell ends, the buffer after the service included.
/// </summary>
internal sealed record Slot(DateTimeOffset Start, DateTimeOffset End, int Remaining, IReadOnlyList<DateTime> Cells, DateTimeOffset? BufferEnd = null)
{
    public DateTimeOffset Occupied => BufferEnd ?? End;
}

/// <summary>
/// Computes slots on the town's wall clock and turns them into instants with the time zone's rules,
/// so 09:00 stays 09:00 on both sides of a DST change. Wall-clock times the clock skips (spring)
/// offer no slot; those it shows twice (autumn) mean the first, so each wall-clock slot exists once.
/// Pure: the clock reading and the booked counts come in as arguments.
/// </summary>
internal sealed class SlotPlanner(TimeZoneInfo zone, string? federalState)
{
    private readonly DayOffsets offsets = new(zone);

    public TimeZoneInfo Zone => zone;

    public IReadOnlyList<Slot> Plan(
        LocationRules rules,
        IReadOnlyList<OpeningInterval> hours,
        IReadOnlySet<DateOnly> closedDays,
        int durationMinutes,
        DateOnly from,
        DateOnly to,
        DateTimeOffset now,
        IReadOnlyDictionary<DateTime, int> booked,
        int bufferMinutes = 0)
    {
        // The service must fit the opening interval; the buffer after it may run past closing time,
        // but it takes its cells, so nothing else is booked into it.
        var serviceCells = Math.Max(1, (int)Math.Ceiling(durationMinutes / (double)rules.SlotMinutes));
        var cellCount = Math.Max(serviceCells, (int)Math.Ceiling((durationMinutes + bufferMinutes) / (double)rules.SlotMinutes));
        var earliest = now.AddMinutes(rules.MinimumNoticeMinutes);
        var lastDay = Today(now).AddDays(rules.HorizonDays);
        var holidays = new Dictionary<int, IReadOnlyDictionary<DateOnly, string>>();
        var slots = new List<Slot>();
        for (var day = from; day <= to && day <= lastDay; day = day.AddDays(1))
        {
            if (closedDays.Contains(day) || IsHoliday(day, holidays))
            {
                continue;
            }
            var special = hours.Where(h => h.Date == day).ToList();
            var open = special.Count > 0 ? special : hours.Where(h => h.Date is null && h.Day == day.DayOfWeek);
            foreach (var interval in open.OrderBy(h => h.OpensMinute))
            {
                for (var minute = interval.OpensMinute; minute + (serviceCells * rules.SlotMinutes) <= interval.ClosesMinute; minute += rules.SlotMinutes)
                {
                    var slot = Build(day, minute, serviceCells, cellCount, rules, booked);
                    if (slot is not null && slot.Start >= earliest)
                    {
                        slots.Add(slot);
                    }
                }
            }
        }
        return slots;
    }

    /// <summary>The town's calendar day at <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The instant a wall-clock time means in the town, or null when the clock skips it.</summary>
    public DateTimeOffset? ToInstant(DateTime local) => offsets.ToInstant(local);

    private Slot? Build(DateOnly day, int minute, int serviceCells, int cellCount, LocationRules rules, IReadOnlyDictionary<DateTime, int> booked)
    {
        var startLocal = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        var cells = new List<DateTime>(cellCount);
        var remaining = rules.Counters;
        for (var i = 0; i < cellCount; i++)
        {
            if (ToInstant(startLocal.AddMinutes(i * rules.SlotMinutes)) is not { } cell)
            {
                return null;
            }
            var utc = cell.UtcDateTime;
            cells.Add(utc);
            remaining = Math.Min(remaining, rules.Counters - booked.GetValueOrDefault(utc));
        }
        var start = ToInstant(startLocal)!.Value;
        var end = ToInstant(startLocal.AddMinutes(serviceCells * rules.SlotMinutes)) ?? TimeZoneInfo.ConvertTime(start.AddMinutes(serviceCells * rules.SlotMinutes), zone);
        var occupied = ToInstant(startLocal.AddMinutes(cellCount * rules.SlotMinutes)) ?? TimeZoneInfo.ConvertTime(start.AddMinutes(cellCount * rules.SlotMinutes), zone);
        return new Slot(start, end, Math.Max(0, remaining), cells, cellCount > serviceCells ? occupied : null);
    }

    private bool IsHoliday(DateOnly day, Dictionary<int, IReadOnlyDictionary<DateOnly, string>> cache)
    {
        if (!cache.TryGetValue(day.Year, out var year))
        {
            cache[day.Year] = year = PublicHolidays.For(day.Year, federalState);
        }
        return year.ContainsKey(day);
    }
}
