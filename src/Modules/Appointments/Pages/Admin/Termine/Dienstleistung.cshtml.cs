using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Appointments.Admin;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>A new service (no id) or one of the town's services; another town's id is a 404.</summary>
internal sealed class AppointmentsAdminServiceModel(ServiceEditor editor) : AppointmentsAdminPage
{
    [FromRoute(Name = "id")]
    public Guid? Id { get; set; }

    [BindProperty(Name = "")]
    public ServiceInput Input { get; set; } = new();

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Locations = await editor.LocationsAsync(cancellationToken);
        if (Id is { } id)
        {
            if (await editor.FindAsync(id, cancellationToken) is not { } service)
            {
                return NotFound();
            }
            Input = ServiceEditor.InputOf(service, await editor.FurtherLocationsAsync(id, cancellationToken));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id && await editor.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        var (errors, saved) = await editor.SaveAsync(Id, Input, cancellationToken);
        if (saved is not null)
        {
            return Redirect("/admin/termine?erledigt=dienstleistung");
        }
        if (errors.Count == 0)
        {
            return NotFound();
        }
        AddErrors(errors);
        Locations = await editor.LocationsAsync(cancellationToken);
        return Page();
    }
}
