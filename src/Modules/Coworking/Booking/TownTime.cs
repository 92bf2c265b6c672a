using Saas.Kernel.Tenancy;

namespace Saas.Modules.Coworking.Booking;

/// <summary>The town's wall clock: opening hours and booking forms speak local time, the database stores UTC.</summary>
internal sealed class TownTime(ITenantContext tenant, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(tenant.Current?.Settings.TimeZone ?? "Europe/Berlin");

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));

    /// <summary>The UTC instant of <paramref name="minute"/> minutes after local midnight of <paramref name="day"/>.</summary>
    public DateTime UtcOf(DateOnly day, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute), DateTimeKind.Unspecified), Zone);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
