using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>The staff overview: today's and this week's plans, the export, services and locations.</summary>
internal sealed class AppointmentsAdminIndexModel(AppointmentsDbContext db) : AppointmentsAdminPage
{
    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Location> Locations { get; private set; } = new Dictionary<Guid, Location>();
    public ILookup<Guid, Guid> Further { get; private set; } = Array.Empty<ServiceLocation>().ToLookup(s => s.ServiceId, s => s.LocationId);

    public string? Message => Done switch
    {
        "dienstleistung" => T["appointments.admin.service.saved"],
        "standort" => T["appointments.admin.location.saved"],
        "eingestellt" => T["appointments.admin.service.retired.done"],
        "angeboten" => T["appointments.admin.service.offered.done"],
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Services = await db.Services.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        Locations = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        Further = (await db.ServiceLocations.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.ServiceId, s => s.LocationId);
    }
}
