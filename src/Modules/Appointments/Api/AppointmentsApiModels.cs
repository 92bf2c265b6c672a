using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Api;

internal sealed record LocationResponse(Guid Id, string Name, string Street, string PostalCode, string City, string? AccessibilityNote);

/// <summary>A service with its main location and the further ones it is offered at (itinerant office hours; ask their slots with locationId).</summary>
internal sealed record ServiceResponse(
    Guid Id, string Name, string Description, string WhatToBring, int DurationMinutes, string? FeeNote, LocationResponse Location,
    IReadOnlyList<LocationResponse> FurtherLocations)
{
    public static ServiceResponse From(Service s, Location l, IEnumerable<Location>? further = null) => new(
        s.Id, s.Name, s.Description, s.WhatToBring, s.DurationMinutes, s.FeeNote, Of(l), [.. (further ?? []).Select(Of)]);

    private static LocationResponse Of(Location l) => new(l.Id, l.Name, l.Street, l.PostalCode, l.City, l.AccessibilityNote);
}

/// <summary>The slots of a service at one location (its main one unless <c>locationId</c> asked for another).</summary>
internal sealed record SlotsResponse(Guid ServiceId, Guid LocationId, string TimeZone, IReadOnlyList<SlotResponse> Slots);

/// <summary>A free slot; times carry the town's offset of that day.</summary>
internal sealed record SlotResponse(DateTimeOffset Start, DateTimeOffset End, int Remaining);

/// <summary>
/// A new booking; <see cref="ManageToken"/> is shown only here and needed to cancel or reschedule (null
/// when a repeated Idempotency-Key answers the booking made before). <see cref="Status"/> is
/// <c>pending</c> until the resident confirms the mailed link before <see cref="HoldExpiresAt"/>.
/// </summary>
internal sealed record BookingResponse(
    Guid Id, Guid ServiceId, string ServiceName, DateTimeOffset Start, DateTimeOffset End, string Name, string Email, string? ManageToken, LocationResponse Location,
    string Status, DateTimeOffset? HoldExpiresAt)
{
    public static BookingResponse From(BookingOutcome o) => From(o.Booking!, o.Plan!, o.Token);

    public static BookingResponse From(Data.Booking b, ServicePlan plan, string? token)
    {
        var zone = plan.Planner.Zone;
        var l = plan.Location;
        DateTimeOffset Local(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);
        return new(
            b.Id, plan.Service.Id, plan.Service.Name, Local(b.Start), Local(b.End), b.Name, b.Email, token,
            new LocationResponse(l.Id, l.Name, l.Street, l.PostalCode, l.City, l.AccessibilityNote),
            b.IsPending ? "pending" : "confirmed",
            b.IsPending ? Local(b.HoldExpiresAt!.Value) : null);
    }
}
