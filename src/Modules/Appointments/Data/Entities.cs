using Saas.Kernel.Data;

namespace Saas.Modules.Appointments.Data;

/// <summary>A place residents come to (the Bürgerbüro); its counters work in parallel, so each slot holds that many bookings.</summary>
internal sealed class Location : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Street { get; set; }
    public required string PostalCode { get; set; }
    public required string City { get; set; }
    public string? AccessibilityNote { get; set; }

    /// <summary>Counters working in parallel: the capacity of every slot.</summary>
    public int Counters { get; set; } = 1;

    /// <summary>The slot grid; a service longer than one slot takes several in a row.</summary>
    public int SlotMinutes { get; set; } = 15;

    /// <summary>How long before a slot it can still be booked.</summary>
    public int MinimumNoticeMinutes { get; set; } = 120;

    /// <summary>How many days ahead residents may book.</summary>
    public int HorizonDays { get; set; } = 60;

    /// <summary>Bookings one e-mail address may hold here at once (not cancelled, not over); null: no cap.</summary>
    public int? MaxActiveBookingsPerEmail { get; set; }
}

/// <summary>Something a resident can book (Personalausweis beantragen, ...), offered at one location.</summary>
internal sealed partial class Service : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LocationId { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public required string WhatToBring { get; set; }
    public int DurationMinutes { get; set; }
    public string? FeeNote { get; set; }
}

/// <summary>One opening interval of a location on a weekday; a break is the gap between two intervals.</summary>
internal sealed class OpeningHours : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LocationId { get; set; }

    /// <summary><see cref="DayOfWeek"/> as a number (Sunday = 0).</summary>
    public int Weekday { get; set; }

    /// <summary>Minutes after local midnight, in the town's time zone.</summary>
    public int OpensMinute { get; set; }
    public int ClosesMinute { get; set; }
}

/// <summary>A day the location is closed besides the public holidays (staff outing, works).</summary>
internal sealed class ClosedDay : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid LocationId { get; set; }
    public DateOnly Day { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// The ledger that makes overbooking impossible: one row per used slot, <see cref="Booked"/> raised
/// only by a conditional UPDATE (<c>WHERE booked &lt; capacity</c>) and checked by the table itself.
/// </summary>
internal sealed class SlotCount : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid LocationId { get; set; }

    /// <summary>UTC start of the grid slot.</summary>
    public DateTime Start { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
}

/// <summary>A resident's appointment; the manage token is kept only as its SHA-256 hash.</summary>
internal sealed partial class Booking : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Guid LocationId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime Start { get; set; }

    /// <summary>UTC; the end of the last grid slot the booking takes.</summary>
    public DateTime End { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    /// <summary>The signed-in resident who booked; null when booked without an account.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>SHA-256 of the code in the confirmation link; only holds have one.</summary>
    public string? ConfirmCodeHash { get; set; }

    /// <summary>When an unconfirmed hold frees its cells (UTC); null for bookings confirmed at once.</summary>
    public DateTime? HoldExpiresAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>Set with <see cref="CancelledAt"/> when an unconfirmed hold expired and its cells were freed.</summary>
    public DateTime? ReleasedAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }

    /// <summary>The language the resident booked in ("de" or "en"); mails sent later (reminder, staff cancel) use it.</summary>
    public string? Language { get; set; }

    /// <summary>A hold that still waits for the resident's confirmation by mail.</summary>
    public bool IsPending => HoldExpiresAt is not null && ConfirmedAt is null;
}
