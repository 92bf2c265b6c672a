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

/// <summary>A new booking; <see cref="ManageToken"/> is shown only here and needed to cancel.</summary>
internal sealed record BookingResponse(
    Guid Id, Guid ServiceId, string ServiceName, DateTimeOffset Start, DateTimeOffset End, string Name, string Email, string ManageToken, LocationResponse Location)
{
    public static BookingResponse From(BookingOutcome o)
    {
        var zone = o.Plan!.Planner.Zone;
        var l = o.Plan.Location;
        return new(
            o.Booking!.Id, o.Plan.Service.Id, o.Plan.Service.Name,
            TimeZoneInfo.ConvertTime(o.Slot!.Start, zone), TimeZoneInfo.ConvertTime(o.Slot.End, zone),
            o.Booking.Name, o.Booking.Email, o.Token!,
            new LocationResponse(l.Id, l.Name, l.Street, l.PostalCode, l.City, l.AccessibilityNote));
    }
}
