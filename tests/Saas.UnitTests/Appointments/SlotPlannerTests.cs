using Saas.Modules.Appointments.Slots;

namespace Saas.UnitTests.Appointments;

/// <summary>Slots on the town's wall clock, across DST changes, holidays, breaks, notice and horizon.</summary>
public sealed class SlotPlannerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly Dictionary<DateTime, int> NoneBooked = [];
    private static readonly DateTimeOffset LongBefore = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Slot> Plan(
        IReadOnlyList<OpeningInterval> hours, DateOnly day, int duration = 30, int grid = 30, int counters = 1,
        string state = "BB", DateTimeOffset? now = null, int notice = 0, int horizon = 700, IReadOnlyDictionary<DateTime, int>? booked = null,
        IReadOnlySet<DateOnly>? closed = null) =>
        new SlotPlanner(Berlin, state).Plan(
            new LocationRules(counters, grid, notice, horizon), hours, closed ?? new HashSet<DateOnly>(), duration, day, day, now ?? LongBefore, booked ?? NoneBooked);

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void On_the_spring_change_the_skipped_hour_has_no_slots_and_the_others_are_contiguous_instants()
    {
        var slots = Plan([new(DayOfWeek.Sunday, 60, 240)], new DateOnly(2026, 3, 29));

        Assert.Equal(["01:00", "01:30", "03:00", "03:30"], slots.Select(s => TimeZoneInfo.ConvertTime(s.Start, Berlin).ToString("HH:mm")));
        Assert.Equal([Utc(2026, 3, 29, 0, 0), Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 29, 1, 30)], slots.Select(s => s.Start.UtcDateTime));
    }

    [Fact]
    public void On_the_autumn_change_each_wall_clock_slot_exists_once_and_the_repeated_hour_means_summer_time()
    {
        var slots = Plan([new(DayOfWeek.Sunday, 60, 240)], new DateOnly(2026, 10, 25));

        Assert.Equal(["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"], slots.Select(s => TimeZoneInfo.ConvertTime(s.Start, Berlin).ToString("HH:mm")));
        Assert.Equal(
            [Utc(2026, 10, 24, 23, 0), Utc(2026, 10, 24, 23, 30), Utc(2026, 10, 25, 0, 0), Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 2, 0), Utc(2026, 10, 25, 2, 30)],
            slots.Select(s => s.Start.UtcDateTime));
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
    }

    [Fact]
    public void Nine_oclock_stays_nine_oclock_on_the_town_clock_on_both_sides_of_both_changes()
    {
        OpeningInterval[] hours = [new(DayOfWeek.Monday, 540, 570), new(DayOfWeek.Friday, 540, 570)];

        Assert.Equal(Utc(2026, 3, 27, 8, 0), Plan(hours, new DateOnly(2026, 3, 27)).Single().Start.UtcDateTime);
        Assert.Equal(Utc(2026, 3, 30, 7, 0), Plan(hours, new DateOnly(2026, 3, 30)).Single().Start.UtcDateTime);
        Assert.Equal(Utc(2026, 10, 23, 7, 0), Plan(hours, new DateOnly(2026, 10, 23)).Single().Start.UtcDateTime);
        Assert.Equal(Utc(2026, 10, 26, 8, 0), Plan(hours, new DateOnly(2026, 10, 26)).Single().Start.UtcDateTime);
    }

    [Fact]
    public void A_service_spanning_the_skipped_hour_is_not_offered_there()
    {
        var slots = Plan([new(DayOfWeek.Sunday, 60, 240)], new DateOnly(2026, 3, 29), duration: 60);

        Assert.Equal(["01:00", "03:00"], slots.Select(s => TimeZoneInfo.ConvertTime(s.Start, Berlin).ToString("HH:mm")));
    }

    [Fact]
    public void Public_holidays_of_the_towns_state_and_closed_days_have_no_slots()
    {
        OpeningInterval[] fridays = [new(DayOfWeek.Friday, 540, 720)];

        Assert.Empty(Plan(fridays, new DateOnly(2026, 4, 3))); // Karfreitag everywhere
        Assert.Empty(Plan(fridays, new DateOnly(2025, 10, 31), state: "BB")); // Reformationstag in Brandenburg
        Assert.NotEmpty(Plan(fridays, new DateOnly(2025, 10, 31), state: "BY")); // an ordinary Friday in Bavaria
        Assert.Empty(Plan(fridays, new DateOnly(2026, 12, 4), closed: new HashSet<DateOnly> { new(2026, 12, 4) }));
        Assert.NotEmpty(Plan(fridays, new DateOnly(2026, 12, 4)));
    }

    [Fact]
    public void A_break_between_two_intervals_is_respected_and_a_service_must_end_before_closing()
    {
        OpeningInterval[] tuesday = [new(DayOfWeek.Tuesday, 540, 720), new(DayOfWeek.Tuesday, 780, 840)];

        var slots = Plan(tuesday, new DateOnly(2026, 12, 8), duration: 30, grid: 15);

        var times = slots.Select(s => TimeZoneInfo.ConvertTime(s.Start, Berlin).ToString("HH:mm")).ToList();
        Assert.Equal("09:00", times[0]);
        Assert.Contains("11:30", times);
        Assert.DoesNotContain("11:45", times);
        Assert.DoesNotContain("12:00", times);
        Assert.Equal(["13:00", "13:15", "13:30"], times.SkipWhile(t => t != "13:00"));
        Assert.All(slots, s => Assert.Equal(2, s.Cells.Count));
    }

    [Fact]
    public void Minimum_notice_and_horizon_limit_the_bookable_days_and_times()
    {
        OpeningInterval[] mornings = [new(DayOfWeek.Monday, 540, 720), new(DayOfWeek.Tuesday, 540, 720)];
        var now = new DateTimeOffset(2026, 12, 7, 9, 10, 0, TimeSpan.FromHours(1)); // Monday 09:10 in Berlin

        var today = Plan(mornings, new DateOnly(2026, 12, 7), now: now, notice: 60);
        var far = new SlotPlanner(Berlin, "BB").Plan(
            new LocationRules(1, 30, 60, 7), mornings, new HashSet<DateOnly>(), 30, new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 31), now, NoneBooked);

        Assert.Equal("10:30", TimeZoneInfo.ConvertTime(today[0].Start, Berlin).ToString("HH:mm"));
        Assert.Equal(new DateOnly(2026, 12, 14), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(far[^1].Start, Berlin).DateTime));
    }

    [Fact]
    public void Remaining_seats_are_the_counters_less_the_fullest_cell_a_service_needs()
    {
        var day = new DateOnly(2026, 12, 7);
        var booked = new Dictionary<DateTime, int> { [Utc(2026, 12, 7, 8, 15)] = 2, [Utc(2026, 12, 7, 8, 30)] = 3 };

        var slots = Plan([new(DayOfWeek.Monday, 540, 615)], day, duration: 30, grid: 15, counters: 3, booked: booked);

        // 09:00 (its 09:15 cell has 1 seat left), 09:15 and 09:30 (both need the full 09:30 cell), 09:45 (untouched).
        Assert.Equal([1, 0, 0, 3], slots.Select(s => s.Remaining));
    }
}
