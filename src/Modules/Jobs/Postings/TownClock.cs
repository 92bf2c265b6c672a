using System.Globalization;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.Jobs.Postings;

/// <summary>
/// The town's calendar and clock. A deadline is a day on the town's calendar: applications are taken until
/// its end in the town's zone (Europe/Berlin), whatever the server's zone. Expiry is decided at query time
/// against <see cref="TimeProvider"/>, so no job has to run for a posting to close on time.
/// </summary>
internal sealed class TownClock(ITenantContext tenant, TimeProvider clock)
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(tenant.Current?.Settings.TimeZone ?? "Europe/Berlin");

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));

    /// <summary>The first moment after <paramref name="day"/> in the town (UTC).</summary>
    public DateTime EndOf(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string ToInput(DateTime? utc) => utc is { } value ? ToLocal(value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>A <c>datetime-local</c> value in the town's zone as UTC; false when it is no time (or one the clock skips).</summary>
    public bool TryParse(string? input, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return true;
        }
        if (!DateTime.TryParseExact(input.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 2000 or > 2100 || Zone.IsInvalidTime(local))
        {
            return false;
        }
        utc = Zone.IsAmbiguousTime(local)
            ? new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max()).UtcDateTime
            : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
        return true;
    }

    public static string Date(DateOnly day) =>
        day.ToString(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy" : "d. MMMM yyyy", CultureInfo.CurrentCulture);
}
