using Saas.Kernel.Tenancy;

namespace Saas.Modules.WasteCalendar.Calendar;

/// <summary>Today in the town's time zone: a collection "tomorrow" means the town's tomorrow, wherever the server runs.</summary>
internal static class TownToday
{
    public static DateOnly Of(ITenantContext tenant, TimeProvider clock) => DateOnly.FromDateTime(Now(tenant, clock));

    /// <summary>The town's wall-clock time now (reminders go out at the resident's chosen local time).</summary>
    public static DateTime Now(ITenantContext tenant, TimeProvider clock)
    {
        var zoneId = tenant.Current?.Settings.TimeZone ?? "Europe/Berlin";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime;
    }
}
