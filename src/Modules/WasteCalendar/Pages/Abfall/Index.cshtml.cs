using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Modules.WasteCalendar.Addresses;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Pages.Abfall;

/// <summary>
/// Find your address: village (when the town has several), then street, as a plain GET form that
/// works without script; the results link to the area's calendar. Areas are listed too, for
/// residents who know theirs.
/// </summary>
internal sealed class WasteIndexModel(AddressSearch search, WasteQueries queries) : PageModel
{
    [FromQuery(Name = "ort")]
    public string? Village { get; set; }

    [FromQuery(Name = "strasse")]
    public string? Street { get; set; }

    public IReadOnlyList<string> Villages { get; private set; } = [];
    public IReadOnlyList<AddressMatch>? Matches { get; private set; }
    public IReadOnlyList<CollectionArea> Areas { get; private set; } = [];
    public bool TooShort { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Villages = await search.VillagesAsync(cancellationToken);
        Areas = await queries.AreasAsync(cancellationToken);
        if (Village is not null && !Villages.Contains(Village))
        {
            Village = null;
        }
        if (Street is null)
        {
            return;
        }
        if (Street.Trim().Length < 2)
        {
            TooShort = true;
            return;
        }
        Matches = await search.FindAsync(Street, Village, cancellationToken);
    }
}
