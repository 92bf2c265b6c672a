using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Saas.Modules.Appointments.Pages.Termine;

/// <summary>What residents can book at the town hall, where, what to bring and what it costs.</summary>
internal sealed class AppointmentsIndexModel(AppointmentsCatalog catalog) : PageModel
{
    public IReadOnlyList<ServiceWithLocation> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Services = await catalog.ServicesAsync(cancellationToken);
}
