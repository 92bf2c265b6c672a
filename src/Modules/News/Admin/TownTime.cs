using System.Globalization;

namespace Saas.Modules.News.Admin;

/// <summary>
/// Staff type times as the town's clock shows them (Europe/Berlin); the database keeps UTC.
/// Times that the clock skips (spring) are refused; times it shows twice (autumn) mean the first.
/// </summary>
internal sealed class TownTime(TimeZoneInfo zone)
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public TimeZoneInfo Zone => zone;

    public static TownTime For(string? timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId ?? "Europe/Berlin"));

    /// <summary>The value of a <c>datetime-local</c> field for a stored UTC time.</summary>
    public string ToInput(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public TimeParse Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new TimeParse(TimeParseResult.Empty, null);
        }
        if (!DateTime.TryParseExact(input.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 2000 or > 2100)
        {
            return new TimeParse(TimeParseResult.Invalid, null);
        }
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return new TimeParse(TimeParseResult.Skipped, null);
        }
        if (zone.IsAmbiguousTime(local))
        {
            // The first of the two moments: summer time, the larger offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new TimeParse(TimeParseResult.Ok, new DateTimeOffset(local, offset).UtcDateTime);
        }
        return new TimeParse(TimeParseResult.Ok, TimeZoneInfo.ConvertTimeToUtc(local, zone));
    }
}

internal enum TimeParseResult
{
    Empty,
    Ok,
    Invalid,
    Skipped,
}

internal readonly record struct TimeParse(TimeParseResult Result, DateTime? Utc);
