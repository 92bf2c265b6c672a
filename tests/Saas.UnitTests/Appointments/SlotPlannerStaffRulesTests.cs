using Saas.Modules.Appointments.Slots;

namespace Saas.UnitTests.Appointments;

/// <summary>The staff's rules in the slot engine: buffers after bookings, special opening days, itinerant dates, also on DST days.</summary>
public sealed class SlotPlannerStaffRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset LongBefore = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Slot> Plan(
        IReadOnlyList<OpeningInterval> hours, DateOnly from, DateOnly? to = null, int duration = 30, int buffer = 0, int grid = 15,
        IReadOnlyDictionary<DateTime, int>? booked = null, IReadOnlySet<DateOnly>? closed = null) =>
        new SlotPlanner(Berlin, "BB").Plan(
            new LocationRules(1, grid, 0, 700), hours, closed ?? new HashSet<DateOnly>(), duration, from, to ?? from, LongBefore,
            booked ?? new Dictionary<DateTime, int>(), buffer);

    private static string[] Times(IEnumerable<Slot> slots) => [.. slots.Select(s => TimeZoneInfo.ConvertTime(s.Start, Berlin).ToString("HH:mm"))];

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void A_buffer_takes_the_cells_after_the_service_so_a_booking_blocks_the_following_start_too()
    {
        // Monday 7 December 2026 (winter time, UTC+1), 09:00-10:00, a 30-minute service with 15 minutes buffer, 15-minute grid.
        var day = new DateOnly(2026, 12, 7);
        OpeningInterval[] hours = [new(DayOfWeek.Monday, 540, 600)];

        var free = Plan(hours, day, buffer: 15);
        var nine = free[0];
        Assert.Equal(["09:00", "09:15", "09:30"], Times(free));
        Assert.Equal([Utc(2026, 12, 7, 8, 0), Utc(2026, 12, 7, 8, 15), Utc(2026, 12, 7, 8, 30)], nine.Cells);
        Assert.Equal(Utc(2026, 12, 7, 8, 30), nine.End.UtcDateTime);
        Assert.Equal(Utc(2026, 12, 7, 8, 45), nine.Occupied.UtcDateTime);

        // Booking 09:00 takes 09:00-09:45 (service and buffer) on the one counter: 09:15 and 09:30 overlap it.
        var booked = nine.Cells.ToDictionary(c => c, _ => 1);
        var after = Plan(hours, day, buffer: 15, booked: booked);
        Assert.Equal(["09:00", "09:15", "09:30"], Times(after));
        Assert.All(after, s => Assert.Equal(0, s.Remaining));
        // Without a buffer, 09:30 would still be free after a 09:00 booking.
        var noBuffer = Plan(hours, day, booked: new Dictionary<DateTime, int> { [Utc(2026, 12, 7, 8, 0)] = 1, [Utc(2026, 12, 7, 8, 15)] = 1 });
        Assert.Equal(1, noBuffer.Single(s => s.Start.UtcDateTime == Utc(2026, 12, 7, 8, 30)).Remaining);
    }

    [Fact]
    public void The_buffer_of_the_last_booking_may_run_past_closing_time()
    {
        var slots = Plan([new(DayOfWeek.Monday, 540, 600)], new DateOnly(2026, 12, 7), buffer: 15);

        Assert.Equal("09:30", Times(slots).Last());
        Assert.Equal(Utc(2026, 12, 7, 9, 15), slots[^1].Occupied.UtcDateTime);
    }

    [Fact]
    public void A_special_day_replaces_the_weekday_hours_with_its_own_and_a_break()
    {
        var day = new DateOnly(2026, 12, 8); // a Tuesday
        OpeningInterval[] hours =
        [
            new(DayOfWeek.Tuesday, 540, 720),
            new(DayOfWeek.Tuesday, 900, 960, day),
            new(DayOfWeek.Tuesday, 1020, 1050, day),
        ];

        Assert.Equal(["15:00", "15:15", "15:30", "17:00"], Times(Plan(hours, day)));
        // The next Tuesday keeps its weekly hours.
        Assert.Equal("09:00", Times(Plan(hours, day.AddDays(7))).First());
    }

    [Fact]
    public void A_special_day_opens_a_weekday_that_is_normally_closed_and_a_location_without_weekly_hours_only_on_its_dates()
    {
        // Itinerant office hours: no weekly hours at all, open on two Saturdays only.
        OpeningInterval[] hours =
        [
            new(DayOfWeek.Saturday, 600, 660, new DateOnly(2026, 12, 12)),
            new(DayOfWeek.Saturday, 600, 660, new DateOnly(2026, 12, 26)),
        ];

        var slots = Plan(hours, new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 31));

        Assert.Equal(
            [new DateOnly(2026, 12, 12)],
            slots.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, Berlin).DateTime)).Distinct());
        Assert.Equal(["10:00", "10:15", "10:30"], Times(slots));
    }

    [Fact]
    public void A_closed_day_and_a_public_holiday_still_close_a_special_day()
    {
        var closedDay = new DateOnly(2026, 12, 12);
        var holiday = new DateOnly(2026, 12, 26); // second Christmas day
        OpeningInterval[] hours = [new(DayOfWeek.Saturday, 600, 660, closedDay), new(DayOfWeek.Saturday, 600, 660, holiday)];

        Assert.Empty(Plan(hours, closedDay, closed: new HashSet<DateOnly> { closedDay }));
        Assert.Empty(Plan(hours, holiday));
    }

    [Fact]
    public void Special_days_on_both_dst_changes_keep_the_town_clock_and_skip_the_missing_hour()
    {
        var spring = new DateOnly(2026, 3, 29);
        var autumn = new DateOnly(2026, 10, 25);
        OpeningInterval[] hours = [new(DayOfWeek.Sunday, 90, 210, spring), new(DayOfWeek.Sunday, 90, 210, autumn)];

        var springSlots = Plan(hours, spring, duration: 30, grid: 30);
        Assert.Equal(["01:30", "03:00"], Times(springSlots));
        Assert.Equal([Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 0)], springSlots.Select(s => s.Start.UtcDateTime));

        var autumnSlots = Plan(hours, autumn, duration: 30, grid: 30);
        Assert.Equal(["01:30", "02:00", "02:30", "03:00"], Times(autumnSlots));
        Assert.Equal(autumnSlots.Count, autumnSlots.Select(s => s.Start).Distinct().Count());
    }

    [Fact]
    public void A_buffer_across_the_skipped_hour_offers_nothing_there()
    {
        var spring = new DateOnly(2026, 3, 29);
        var slots = Plan([new(DayOfWeek.Sunday, 60, 180, spring)], spring, duration: 30, buffer: 30, grid: 30);

        // 01:00 takes 01:00-02:00 (service and buffer); 01:30 would need its buffer in 02:00-02:30, which the clock skips.
        Assert.Equal(["01:00"], Times(slots));
    }
}
