using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Kernel.Data;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Admin;

/// <summary>What staff typed into the service form; every field arrives as text and is checked by <see cref="ServiceEditor"/>.</summary>
internal sealed class ServiceInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? WhatToBring { get; set; }
    public string? Duration { get; set; }
    public string? Buffer { get; set; }
    public string? FeeNote { get; set; }
    public string? LocationId { get; set; }
    public List<string> FurtherLocations { get; set; } = [];
}

/// <summary>Creates and changes the town's services; all checks first, then one save, then the audit entry.</summary>
internal sealed class ServiceEditor(AppointmentsDbContext db, IAuditLog audit, IPublicPages pages)
{
    public const int NameMax = 200;
    public const int TextMax = 4000;

    public async Task<IReadOnlyList<Location>> LocationsAsync(CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);

    public Task<Service?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Services.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<List<Guid>> FurtherLocationsAsync(Guid serviceId, CancellationToken cancellationToken) =>
        await db.ServiceLocations.AsNoTracking().Where(s => s.ServiceId == serviceId).Select(s => s.LocationId).ToListAsync(cancellationToken);

    public static ServiceInput InputOf(Service s, IEnumerable<Guid> further) => new()
    {
        Name = s.Name, Description = s.Description, WhatToBring = s.WhatToBring, Duration = s.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Buffer = s.BufferMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), FeeNote = s.FeeNote, LocationId = s.LocationId.ToString(),
        FurtherLocations = [.. further.Select(f => f.ToString())],
    };

    /// <summary>
    /// Stops or resumes offering a service; its bookings stand either way (staff cancel them in the day plan
    /// if they must). False when it already was in that state: a double submit changes nothing.
    /// </summary>
    public async Task<bool> SetOfferedAsync(Service service, bool offered, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if ((service.RetiredAt is null) == offered)
        {
            return false;
        }
        service.RetiredAt = offered ? null : nowUtc;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(offered ? "appointments.service.offered" : "appointments.service.retired", service.Name, cancellationToken: cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' list and the API must drop or show it at once
        return true;
    }

    /// <summary>Saves (a new service when <paramref name="id"/> is null); the errors per field as text keys, empty when saved.</summary>
    public async Task<(Dictionary<string, string> Errors, Service? Saved)> SaveAsync(Guid? id, ServiceInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = FormText.Clean(input.Name);
        var description = FormText.Clean(input.Description, multiLine: true);
        var bring = FormText.Clean(input.WhatToBring, multiLine: true);
        var fee = FormText.Clean(input.FeeNote);
        var duration = FormText.Number(input.Duration);
        var buffer = string.IsNullOrWhiteSpace(input.Buffer) ? 0 : FormText.Number(input.Buffer);
        var locations = (await LocationsAsync(cancellationToken)).Select(l => l.Id).ToHashSet();
        var location = Guid.TryParse(input.LocationId, out var l) && locations.Contains(l) ? l : (Guid?)null;
        var further = input.FurtherLocations.Select(f => Guid.TryParse(f, out var g) ? g : Guid.Empty).Distinct().ToList();

        if (name.Length == 0) { errors["Name"] = "appointments.admin.error.name"; }
        else if (name.Length > NameMax) { errors["Name"] = "appointments.admin.error.nameLong"; }
        else if (await db.Services.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken)) { errors["Name"] = "appointments.admin.error.serviceTaken"; }
        if (description.Length == 0 || description.Length > TextMax) { errors["Description"] = "appointments.admin.error.description"; }
        if (bring.Length > TextMax) { errors["WhatToBring"] = "appointments.admin.error.textLong"; }
        if (fee.Length > NameMax) { errors["FeeNote"] = "appointments.admin.error.textLong"; }
        if (duration is not (>= 5 and <= 480)) { errors["Duration"] = "appointments.admin.error.duration"; }
        if (buffer is not (>= 0 and <= 240)) { errors["Buffer"] = "appointments.admin.error.buffer"; }
        if (location is null) { errors["LocationId"] = "appointments.admin.error.location"; }
        if (further.Any(f => !locations.Contains(f))) { errors["FurtherLocations"] = "appointments.admin.error.location"; }
        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var service = id is { } existing ? await FindAsync(existing, cancellationToken) : null;
        if (id is not null && service is null)
        {
            return (errors, null);
        }
        var old = service is null ? null : $"{service.Name}, {service.DurationMinutes}+{service.BufferMinutes} min";
        if (service is null)
        {
            service = new Service { Name = name, Description = description, WhatToBring = bring };
            db.Services.Add(service);
        }
        service.Name = name;
        service.Description = description;
        service.WhatToBring = bring;
        service.FeeNote = fee.Length == 0 ? null : fee;
        service.DurationMinutes = duration!.Value;
        service.BufferMinutes = buffer!.Value;
        service.LocationId = location!.Value;
        var wanted = further.Where(f => f != location).ToHashSet();
        var current = await db.ServiceLocations.Where(s => s.ServiceId == service.Id).ToListAsync(cancellationToken);
        db.ServiceLocations.RemoveRange(current.Where(c => !wanted.Contains(c.LocationId)));
        db.ServiceLocations.AddRange(wanted.Where(w => current.All(c => c.LocationId != w)).Select(w => new ServiceLocation { ServiceId = service.Id, LocationId = w }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same form sent twice at once: the first one made it, the second finds the name taken.
            db.ChangeTracker.Clear();
            errors["Name"] = "appointments.admin.error.serviceTaken";
            return (errors, null);
        }
        await audit.RecordAsync(old is null ? "appointments.service.created" : "appointments.service.changed", name,
            $"{old}{(old is null ? "" : " → ")}{name}, {service.DurationMinutes}+{service.BufferMinutes} min", cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return (errors, service);
    }
}
