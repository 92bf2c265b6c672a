using Saas.Kernel.Data;

namespace Saas.Modules.Appointments.Data;

internal sealed partial class Service
{
    /// <summary>Quiet minutes after each booking (files, cleaning); they take grid cells like the service itself.</summary>
    public int BufferMinutes { get; set; }

    /// <summary>Since when the town no longer offers it (migration 0005): residents no longer see or book it; its bookings stand.</summary>
    public DateTime? RetiredAt { get; set; }
}

internal sealed partial class Booking
{
    /// <summary>Null until staff mark it: <see cref="AttendanceValues.Attended"/> or <see cref="AttendanceValues.NoShow"/>.</summary>
    public string? Attendance { get; set; }

    /// <summary>What staff wrote to the resident when they cancelled the booking (null when the resident cancelled).</summary>
    public string? CancelMessage { get; set; }
}

internal static class AttendanceValues
{
    public const string Attended = "attended";
    public const string NoShow = "no_show";
}

/// <summary>
/// One opening interval on a date: it replaces the weekday's hours that day (two make a break), so a
/// location can open on a day it is normally closed. A location with no weekly hours is open only on
/// its special days: that is how itinerant office hours (a village community house) are modelled.
/// </summary>
internal sealed class SpecialDay : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LocationId { get; set; }
    public DateOnly Day { get; set; }
    public int OpensMinute { get; set; }
    public int ClosesMinute { get; set; }
    public string? Note { get; set; }
}

/// <summary>A further location where a service is offered besides its main one (e.g. itinerant office hours).</summary>
internal sealed class ServiceLocation : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid LocationId { get; set; }
}
