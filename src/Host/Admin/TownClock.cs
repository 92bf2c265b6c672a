using System.Globalization;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>Times as the town's staff read them: in the town's time zone, in the current culture.</summary>
internal sealed class TownClock(ITenantContext tenant)
{
    private TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(tenant.Current?.Settings.TimeZone ?? "Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string Format(DateTime utc) => ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}
