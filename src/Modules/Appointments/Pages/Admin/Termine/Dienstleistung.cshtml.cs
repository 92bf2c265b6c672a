using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Appointments.Admin;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>A new service (no id) or one of the town's services; another town's id is a 404.</summary>
internal sealed class AppointmentsAdminServiceModel(ServiceEditor editor, TimeProvider clock) : AppointmentsAdminPage
{
    /// <summary>Set for an existing service: whether residents can still book it.</summary>
    public bool? Offered { get; private set; }

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
            Offered = service.RetiredAt is null;
        }
        return Page();
    }

    public Task<IActionResult> OnPostRetireAsync(CancellationToken cancellationToken) => SetOfferedAsync(false, cancellationToken);

    public Task<IActionResult> OnPostOfferAsync(CancellationToken cancellationToken) => SetOfferedAsync(true, cancellationToken);

    private async Task<IActionResult> SetOfferedAsync(bool offered, CancellationToken cancellationToken)
    {
        if (Id is not { } id || await editor.FindAsync(id, cancellationToken) is not { } service)
        {
            return NotFound();
        }
        await editor.SetOfferedAsync(service, offered, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Redirect($"/admin/termine?erledigt={(offered ? "angeboten" : "eingestellt")}");
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
