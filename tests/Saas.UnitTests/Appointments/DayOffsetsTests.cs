using Saas.Modules.Appointments.Slots;

namespace Saas.UnitTests.Appointments;

/// <summary>
/// The fast wall-clock conversion must give exactly what asking the zone about every single time gives:
/// every quarter hour of two years, in the town's zone and in zones whose clocks change at midnight.
/// </summary>
public sealed class DayOffsetsTests
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Santiago")] // changes at midnight: 24:00 becomes 23:00, 00:00 becomes 01:00
    [InlineData("America/Havana")]
    [InlineData("Australia/Lord_Howe")] // a half-hour change
    public void Every_quarter_hour_of_two_years_converts_like_the_zone_itself(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var fast = new DayOffsets(zone);
        var mismatches = new List<string>();
        var skipped = 0;
        var repeated = 0;
        for (var local = new DateTime(2026, 1, 1); local < new DateTime(2028, 1, 1); local = local.AddMinutes(15))
        {
            var expected = Expected(zone, local);
            skipped += expected is null ? 1 : 0;
            repeated += zone.IsAmbiguousTime(local) ? 1 : 0;
            if (fast.ToInstant(local) != expected || fast.ToInstant(local)?.Offset != expected?.Offset)
            {
                mismatches.Add($"{local:yyyy-MM-dd HH:mm}: {fast.ToInstant(local):O} vs {expected:O}");
            }
        }

        Assert.Empty(mismatches);
        // The years do contain changes in both directions, so the careful path was exercised.
        Assert.True(skipped > 0 && repeated > 0, $"skipped {skipped}, repeated {repeated}");
    }

    [Fact]
    public void In_Berlin_the_spring_hour_is_skipped_and_the_autumn_hour_means_summer_time()
    {
        var fast = new DayOffsets(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Null(fast.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), fast.ToInstant(new DateTime(2026, 3, 29, 3, 0, 0)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), fast.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.FromHours(1)), fast.ToInstant(new DateTime(2026, 10, 25, 9, 0, 0)));
    }

    private static DateTimeOffset? Expected(TimeZoneInfo zone, DateTime local)
    {
        if (zone.IsInvalidTime(local))
        {
            return null;
        }
        return new DateTimeOffset(local, zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local));
    }
}
