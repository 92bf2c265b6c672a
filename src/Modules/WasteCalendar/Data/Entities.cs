using Saas.Kernel.Data;

namespace Saas.Modules.WasteCalendar.Data;

/// <summary>A kind of waste collected separately (Restmüll, Papier, ...); colour and icon tell them apart on the calendar.</summary>
internal sealed class WasteType : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>#rrggbb; never the only carrier of meaning (the name is always shown beside it).</summary>
    public required string Colour { get; set; }

    /// <summary>One of <see cref="WasteIcons.Keys"/>.</summary>
    public required string Icon { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A collection area (Abfuhrbezirk): the streets in it share their collection dates.</summary>
internal sealed class CollectionArea : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
}

/// <summary>
/// A street (or the part of it between two house numbers) in a village of the town, mapped to the
/// area that collects there. A street split between two areas has two rows.
/// </summary>
internal sealed class StreetSegment : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AreaId { get; set; }

    /// <summary>The village or district (Ortsteil) the street lies in; the same street name exists in several villages.</summary>
    public required string Village { get; set; }
    public required string Street { get; set; }

    /// <summary><see cref="AddressKey.Of"/> of <see cref="Street"/>, kept so search needs no work per row.</summary>
    public required string SearchKey { get; set; }

    /// <summary>First house number of the segment (inclusive); null: from the start of the street.</summary>
    public int? FromNumber { get; set; }

    /// <summary>Last house number of the segment (inclusive); null: to the end of the street.</summary>
    public int? ToNumber { get; set; }

    public bool Covers(int? number) =>
        number is not { } n || ((FromNumber is null || n >= FromNumber) && (ToNumber is null || n <= ToNumber));
}

/// <summary>One collection: this type of waste is collected in this area on this day.</summary>
internal sealed class Collection : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid AreaId { get; set; }
    public Guid TypeId { get; set; }
    public DateOnly Day { get; set; }
}
