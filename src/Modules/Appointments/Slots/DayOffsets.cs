namespace Saas.Modules.Appointments.Slots;

/// <summary>
/// Turns wall-clock times of one zone into instants, fast. Asking <see cref="TimeZoneInfo"/> whether a
/// local time is skipped or repeated walks the zone's adjustment rules every time (a few microseconds;
/// a 4-week slot search asks thousands of times). Except on the two change days a year, every time of
/// a day has the offset of its midnight, so that is looked up once per day and only change days take
/// the careful path. One instance per request: not thread-safe.
/// </summary>
internal sealed class DayOffsets(TimeZoneInfo zone)
{
    // The day's single offset, or null on a day whose offset changes (DST begins or ends).
    private readonly Dictionary<DateOnly, TimeSpan?> days = [];

    /// <summary>The instant a wall-clock time means, or null when the clock skips it; a repeated time means the first.</summary>
    public DateTimeOffset? ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var day = DateOnly.FromDateTime(local);
        if (!days.TryGetValue(day, out var uniform))
        {
            days[day] = uniform = UniformOffset(day);
        }
        return uniform is { } offset ? new DateTimeOffset(local, offset) : Careful(local);
    }

    private DateTimeOffset? Careful(DateTime local)
    {
        if (zone.IsInvalidTime(local))
        {
            return null;
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The offset of every time of the day when it is the same from midnight to midnight.</summary>
    private TimeSpan? UniformOffset(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var next = midnight.AddDays(1);
        if (zone.IsInvalidTime(midnight) || zone.IsAmbiguousTime(midnight) || zone.IsInvalidTime(next) || zone.IsAmbiguousTime(next))
        {
            return null;
        }
        // Zones change their offset at most once a day, so equal offsets at both midnights mean no change in between.
        var offset = zone.GetUtcOffset(midnight);
        return zone.GetUtcOffset(next) == offset ? offset : null;
    }
}
