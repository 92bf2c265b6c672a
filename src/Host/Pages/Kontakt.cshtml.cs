using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.TownHall;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages;

internal sealed class KontaktModel(TownHallDbContext db, ITenantContext tenant) : PageModel
{
    public TenantContact Contact => tenant.Current!.Contact;
    public IReadOnlyList<OpeningHours> Hours { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Hours = await OpeningHoursQuery.LoadAsync(db, cancellationToken);
}
