using Saas.Kernel.Calendar;

namespace Saas.UnitTests.Appointments;

public sealed class PublicHolidaysTests
{
    [Theory]
    [InlineData(1818, 3, 22)] // the earliest possible date
    [InlineData(1943, 4, 25)] // the latest possible date
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_is_computed_for_any_year(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.EasterSunday(year));

    [Fact]
    public void Brandenburg_2026_has_its_twelve_holidays_including_Easter_and_Whit_Sunday_and_Reformation_Day()
    {
        var days = PublicHolidays.For(2026, "BB");

        Assert.Equal(
            [
                new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 5), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14),
                new(2026, 5, 24), new(2026, 5, 25), new(2026, 10, 3), new(2026, 10, 31), new(2026, 12, 25), new(2026, 12, 26),
            ],
            days.Keys.Order().ToArray<DateOnly>());
        Assert.Equal("Karfreitag", days[new(2026, 4, 3)]);
        Assert.Equal("Christi Himmelfahrt", days[new(2026, 5, 14)]);
    }

    [Fact]
    public void Brandenburg_2025_moves_the_Easter_based_days_with_Easter()
    {
        var days = PublicHolidays.For(2025, "BB");

        Assert.Equal("Karfreitag", days[new(2025, 4, 18)]);
        Assert.Equal("Ostersonntag", days[new(2025, 4, 20)]);
        Assert.Equal("Ostermontag", days[new(2025, 4, 21)]);
        Assert.Equal("Christi Himmelfahrt", days[new(2025, 5, 29)]);
        Assert.Equal("Pfingstsonntag", days[new(2025, 6, 8)]);
        Assert.Equal("Pfingstmontag", days[new(2025, 6, 9)]);
        Assert.Equal(12, days.Count);
    }

    [Fact]
    public void Other_states_get_their_own_days_and_not_Brandenburgs()
    {
        var bavaria = PublicHolidays.For(2026, "BY");
        var saxony = PublicHolidays.For(2026, "SN");
        var berlin = PublicHolidays.For(2026, "BE");

        Assert.Contains(new DateOnly(2026, 1, 6), bavaria.Keys);
        Assert.Contains(new DateOnly(2026, 6, 4), bavaria.Keys); // Fronleichnam, Easter + 60
        Assert.Contains(new DateOnly(2026, 11, 1), bavaria.Keys);
        Assert.DoesNotContain(new DateOnly(2026, 10, 31), bavaria.Keys);
        Assert.DoesNotContain(new DateOnly(2026, 4, 5), bavaria.Keys);
        Assert.Equal("Buß- und Bettag", saxony[new DateOnly(2026, 11, 18)]);
        Assert.Equal("Buß- und Bettag", PublicHolidays.For(2025, "SN")[new DateOnly(2025, 11, 19)]);
        Assert.Contains(new DateOnly(2026, 3, 8), berlin.Keys);
        Assert.DoesNotContain(new DateOnly(2018, 3, 8), PublicHolidays.For(2018, "BE").Keys);
    }

    [Fact]
    public void Without_a_state_only_the_nationwide_holidays_count()
    {
        var days = PublicHolidays.For(2026, null);

        Assert.Equal(9, days.Count);
        Assert.DoesNotContain(new DateOnly(2026, 10, 31), days.Keys);
    }
}
