using Saas.Modules.WasteCalendar.Reminders;
using Saas.Modules.WasteCalendar.Rules;

namespace Saas.UnitTests.WasteCalendar;

public sealed class RuleDatesTests
{
    [Fact]
    public void Given_a_monday_rule_When_easter_monday_and_whit_monday_fall_on_it_Then_they_move_to_tuesday()
    {
        var dates = RuleDates.Of(DayOfWeek.Monday, 1, new DateOnly(2027, 3, 22), new DateOnly(2027, 5, 20), "BB", []);

        Assert.Contains(new DateOnly(2027, 3, 30), dates); // Easter Monday 29 March 2027
        Assert.DoesNotContain(new DateOnly(2027, 3, 29), dates);
        Assert.Contains(new DateOnly(2027, 5, 18), dates); // Whit Monday 17 May 2027
        Assert.Equal(9, dates.Count);
    }

    [Fact]
    public void Given_a_two_weekly_tuesday_rule_When_christmas_and_reformation_day_fall_on_it_Then_only_the_state_holidays_shift()
    {
        // 2029: 25 December is a Tuesday; 31 October 2028 a Tuesday, a holiday in Brandenburg but not in Bavaria.
        var brandenburg = RuleDates.Of(DayOfWeek.Tuesday, 2, new DateOnly(2028, 10, 31), new DateOnly(2028, 11, 14), "BB", []);
        var bavaria = RuleDates.Of(DayOfWeek.Tuesday, 2, new DateOnly(2028, 10, 31), new DateOnly(2028, 11, 14), "BY", []);
        var christmas = RuleDates.Of(DayOfWeek.Tuesday, 1, new DateOnly(2029, 12, 25), new DateOnly(2029, 12, 25), null, []);

        Assert.Equal([new DateOnly(2028, 11, 1), new DateOnly(2028, 11, 14)], brandenburg);
        Assert.Equal([new DateOnly(2028, 10, 31), new DateOnly(2028, 11, 14)], bavaria);
        Assert.Equal([new DateOnly(2029, 12, 27)], christmas); // 26 December is a holiday too
    }

    [Fact]
    public void Given_exceptions_When_dates_are_computed_Then_a_skipped_date_is_gone_and_a_moved_one_is_taken_as_written()
    {
        var dates = RuleDates.Of(DayOfWeek.Friday, 1, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), "BB",
            [new(new DateOnly(2026, 12, 11), null), new(new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 29)), new(new DateOnly(2026, 12, 15), null)]);

        // The 25th shifts to the 28th, and the exception naming the shifted date moves it on.
        Assert.Equal([new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 29)], dates);
    }

    [Theory]
    [InlineData("abend-1080", true, 1080)]
    [InlineData("morgen-390", false, 390)]
    [InlineData("abend-390", null, 0)]
    [InlineData("morgen-1080", null, 0)]
    [InlineData("abend-1081", null, 0)]
    [InlineData("abend--1080", null, 0)]
    [InlineData("", null, 0)]
    public void Reminder_times_are_only_the_offered_ones(string value, bool? evening, int minute)
    {
        var parsed = ReminderTimes.Parse(value);

        Assert.Equal(evening, parsed?.Evening);
        if (parsed is { } p)
        {
            Assert.Equal(minute, p.Minute);
        }
    }

    [Theory]
    [InlineData(" Anna@Example.ORG ", "anna@example.org")]
    [InlineData("anna@example", null)]
    [InlineData("Anna <anna@example.org>", null)]
    [InlineData("<script>@example.org", null)]
    public void Addresses_are_trimmed_lower_cased_and_checked(string value, string? expected) =>
        Assert.Equal(expected, EmailCheck.Normalize(value));
}
