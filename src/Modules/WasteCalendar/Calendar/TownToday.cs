using Saas.Kernel.Tenancy;

namespace Saas.Modules.WasteCalendar.Calendar;

/// <summary>Today in the town's time zone: a collection "tomorrow" means the town's tomorrow, wherever the server runs.</summary>
internal static class TownToday
{
    public static DateOnly Of(ITenantContext tenant, TimeProvider clock)
    {
        var zoneId = tenant.Current?.Settings.TimeZone ?? "Europe/Berlin";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
