using Saas.Kernel.Data;

namespace Saas.Modules.Coworking.Data;

/// <summary>A co-working space of the town (the old school house, the library's upper floor) with its house rules and cancel deadline.</summary>
internal sealed class Space : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Street { get; set; }
    public required string PostalCode { get; set; }
    public required string City { get; set; }

    /// <summary>How to get in (key box, door code from the town hall, lift).</summary>
    public string? AccessNotes { get; set; }

    /// <summary>Rules every booking accepts; shown in full before booking.</summary>
    public required string HouseRules { get; set; }

    /// <summary>Residents may cancel up to this many hours before the start; later, staff only.</summary>
    public int CancelHours { get; set; } = 24;

    /// <summary>The 10-day pass of the town's fee schedule, in cents.</summary>
    public int PassCents { get; set; }
}

/// <summary>When a space is open on a weekday (one interval a day, local time of the town).</summary>
internal sealed class SpaceHours : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpaceId { get; set; }

    /// <summary><see cref="DayOfWeek"/> as a number (Sunday = 0).</summary>
    public int Weekday { get; set; }
    public int OpensMinute { get; set; }
    public int ClosesMinute { get; set; }
}

/// <summary>A desk or a room of a space; booked as a whole (a room for six is one booking).</summary>
internal sealed class Workplace : ITenantOwned
{
    public const string Desk = "desk";
    public const string Room = "room";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpaceId { get; set; }
    public required string Name { get; set; }
    public string Kind { get; set; } = Desk;
    public int Capacity { get; set; } = 1;
    public bool Monitor { get; set; }
    public bool StandingDesk { get; set; }
    public bool QuietZone { get; set; }
    public int HourCents { get; set; }
    public int HalfDayCents { get; set; }
    public int DayCents { get; set; }

    /// <summary>Retired desks keep their bookings and figures but take no new ones.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>
/// One booking of a workplace. Two bookings of the same workplace that are not cancelled never
/// overlap: the database refuses it (see the migrations), whatever the application checked before.
/// </summary>
internal sealed class DeskBooking : ITenantOwned
{
    public const string OnSite = "on-site";
    public const string Invoice = "invoice";
    public const string Pass = "pass";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpaceId { get; set; }
    public Guid WorkplaceId { get; set; }
    public Guid AccountId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    /// <summary>"hours", "morning", "afternoon" or "day": what the price was taken for.</summary>
    public required string Span { get; set; }
    public required string Payment { get; set; }
    public int PriceCents { get; set; }
    public Guid? PassId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
}

/// <summary>A resident's 10-day pass of a space: each booking paid with it uses one day; a cancel gives it back.</summary>
internal sealed class DeskPass : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpaceId { get; set; }
    public Guid AccountId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public int Days { get; set; } = 10;
    public int DaysUsed { get; set; }
    public int PriceCents { get; set; }
    public required string Payment { get; set; }
    public DateTime CreatedAt { get; set; }
}
