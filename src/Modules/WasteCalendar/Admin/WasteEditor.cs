using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Kernel.Data;
using Saas.Modules.WasteCalendar.Addresses;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Admin;

/// <summary>
/// Staff changes to types, areas, streets and dates. Each is audited and makes the town's cached
/// pages and feeds go (the town's version rises), so residents see the change at once.
/// Methods answer a text key of the problem, or null when done.
/// </summary>
internal sealed class WasteEditor(WasteDbContext db, IAuditLog audit, IPublicPages pages)
{
    public const int StreetMax = 120;
    public const int AreaMax = 120;

    public async Task<string?> AddTypeAsync(string name, string colour, string icon, CancellationToken cancellationToken)
    {
        if (CheckType(name, colour, icon) is { } problem)
        {
            return problem;
        }
        if (await db.Types.AnyAsync(t => t.Name == name, cancellationToken))
        {
            return "waste.admin.error.typeTaken";
        }
        var order = await db.Types.CountAsync(cancellationToken);
        db.Types.Add(new WasteType { Name = name, Colour = colour, Icon = icon, SortOrder = order });
        return await SaveAsync("waste.type.created", name, null, cancellationToken);
    }

    public async Task<string?> UpdateTypeAsync(Guid id, string name, string colour, string icon, CancellationToken cancellationToken)
    {
        var type = await db.Types.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return "waste.admin.error.notFound";
        }
        if (CheckType(name, colour, icon) is { } problem)
        {
            return problem;
        }
        if (await db.Types.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            return "waste.admin.error.typeTaken";
        }
        var details = $"{type.Name} {type.Colour} {type.Icon} → {name} {colour} {icon}";
        (type.Name, type.Colour, type.Icon) = (name, colour, icon);
        return await SaveAsync("waste.type.updated", name, details, cancellationToken);
    }

    /// <summary>Adds those of the six usual types the town does not have yet.</summary>
    public async Task AddDefaultTypesAsync(CancellationToken cancellationToken)
    {
        var existing = (await db.Types.Select(t => t.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var order = existing.Count;
        foreach (var (name, colour, icon) in WasteIcons.Defaults.Where(d => !existing.Contains(d.Name)))
        {
            db.Types.Add(new WasteType { Name = name, Colour = colour, Icon = icon, SortOrder = order++ });
        }
        await SaveAsync("waste.type.defaults", null, null, cancellationToken);
    }

    public async Task<string?> AddAreaAsync(string name, CancellationToken cancellationToken)
    {
        if (name.Length is 0 or > AreaMax)
        {
            return "waste.admin.error.areaName";
        }
        if (await db.Areas.AnyAsync(a => a.Name == name, cancellationToken))
        {
            return "waste.admin.error.areaTaken";
        }
        db.Areas.Add(new CollectionArea { Name = name });
        return await SaveAsync("waste.area.created", name, null, cancellationToken);
    }

    /// <summary>Deletes an area with its streets and dates (the schema cascades).</summary>
    public async Task<bool> DeleteAreaAsync(Guid id, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (area is null)
        {
            return false;
        }
        db.Streets.RemoveRange(await db.Streets.Where(s => s.AreaId == id).ToListAsync(cancellationToken));
        db.Collections.RemoveRange(await db.Collections.Where(c => c.AreaId == id).ToListAsync(cancellationToken));
        db.Areas.Remove(area);
        await SaveAsync("waste.area.deleted", area.Name, null, cancellationToken);
        return true;
    }

    public async Task<string?> AddStreetAsync(Guid areaId, string village, string street, int? from, int? to, CancellationToken cancellationToken)
    {
        if (await db.Areas.SingleOrDefaultAsync(a => a.Id == areaId, cancellationToken) is not { } area)
        {
            return "waste.admin.error.notFound";
        }
        if (street.Length is 0 or > StreetMax || village.Length is 0 or > StreetMax)
        {
            return "waste.admin.error.street";
        }
        if (from is < 0 || to is < 0 || (from is { } f && to is { } t && f > t))
        {
            return "waste.admin.error.range";
        }
        db.Streets.Add(new StreetSegment { AreaId = areaId, Village = village, Street = street, SearchKey = AddressKey.Of(street), FromNumber = from, ToNumber = to });
        return await SaveAsync("waste.street.added", $"{street} ({village})", area.Name, cancellationToken);
    }

    public async Task<bool> RemoveStreetAsync(Guid areaId, Guid id, CancellationToken cancellationToken)
    {
        var street = await db.Streets.SingleOrDefaultAsync(s => s.Id == id && s.AreaId == areaId, cancellationToken);
        if (street is null)
        {
            return false;
        }
        db.Streets.Remove(street);
        await SaveAsync("waste.street.removed", $"{street.Street} ({street.Village})", null, cancellationToken);
        return true;
    }

    public async Task<string?> AddCollectionAsync(Guid areaId, Guid typeId, DateOnly day, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == areaId, cancellationToken);
        var type = await db.Types.SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken);
        if (area is null || type is null)
        {
            return "waste.admin.error.notFound";
        }
        if (await db.Collections.AnyAsync(c => c.AreaId == areaId && c.TypeId == typeId && c.Day == day, cancellationToken))
        {
            return "waste.admin.error.dateTaken";
        }
        db.Collections.Add(new Collection { AreaId = areaId, TypeId = typeId, Day = day });
        return await SaveAsync("waste.collection.added", $"{type.Name} {day:dd.MM.yyyy}", area.Name, cancellationToken);
    }

    public async Task<bool> RemoveCollectionAsync(Guid areaId, Guid typeId, DateOnly day, CancellationToken cancellationToken)
    {
        var row = await db.Collections.SingleOrDefaultAsync(c => c.AreaId == areaId && c.TypeId == typeId && c.Day == day, cancellationToken);
        if (row is null)
        {
            return false;
        }
        db.Collections.Remove(row);
        await SaveAsync("waste.collection.removed", $"{day:dd.MM.yyyy}", null, cancellationToken);
        return true;
    }

    private static string? CheckType(string name, string colour, string icon) =>
        name.Length is 0 or > WasteTypeRules.NameMax ? "waste.admin.error.typeName"
        : !WasteTypeRules.IsColour(colour) ? "waste.admin.error.colour"
        : !WasteIcons.Keys.Contains(icon) ? "waste.admin.error.icon"
        : null;

    private async Task<string?> SaveAsync(string action, string? target, string? details, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Two staff members adding the same row at the same moment: the database decided.
            db.ChangeTracker.Clear();
            return "waste.admin.error.concurrent";
        }
        await audit.RecordAsync(action, target, details, cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return null;
    }
}
