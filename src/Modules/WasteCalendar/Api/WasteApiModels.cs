using Saas.Modules.WasteCalendar.Addresses;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Api;

/// <summary>A waste type: its name, colour (#rrggbb) and icon key.</summary>
internal sealed record WasteTypeResponse(Guid Id, string Name, string Colour, string Icon)
{
    public static WasteTypeResponse From(WasteType t) => new(t.Id, t.Name, t.Colour, t.Icon);
}

/// <summary>A street (or the part between two house numbers, inclusive) and the area that collects there.</summary>
internal sealed record AddressResponse(Guid AreaId, string Area, string Village, string Street, int? FromNumber, int? ToNumber)
{
    public static AddressResponse From(AddressMatch m) => new(m.AreaId, m.AreaName, m.Village, m.Street, m.FromNumber, m.ToNumber);
}

internal sealed record CollectionsResponse(Guid AreaId, string Area, IReadOnlyList<CollectionResponse> Collections);

/// <summary>One collection; date as YYYY-MM-DD (a whole day in the town's time zone).</summary>
internal sealed record CollectionResponse(string Date, Guid TypeId, string Type);
