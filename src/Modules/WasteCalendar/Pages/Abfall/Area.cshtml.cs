using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;
using Saas.Modules.WasteCalendar.Notices;

namespace Saas.Modules.WasteCalendar.Pages.Abfall;

/// <summary>An area's calendar: the next collections, the year by month, a filter by type and the feed to subscribe.</summary>
internal sealed class WasteAreaModel(WasteQueries queries, NoticeEditor notices, ITenantContext tenant, TimeProvider clock) : PageModel
{
    public const int NextShown = 6;

    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "jahr")]
    public int? Year { get; set; }

    [FromQuery(Name = "typ")]
    public string[] TypeValues { get; set; } = [];

    public CollectionArea Area { get; private set; } = null!;
    public IReadOnlyList<WasteType> Types { get; private set; } = [];
    public IReadOnlyList<Guid> Chosen { get; private set; } = [];
    public IReadOnlyList<CollectionDay> Next { get; private set; } = [];
    public IReadOnlyList<CollectionDay> YearDays { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int ShownYear { get; private set; }
    public bool BadFilter { get; private set; }
    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await queries.AreaAsync(Id, cancellationToken) is not { } area)
        {
            return NotFound();
        }
        Area = area;
        Notices = [.. (await notices.CurrentAsync(Id, cancellationToken)).Select(n => n.Notice)];
        Types = await queries.TypesAsync(cancellationToken);
        var chosen = TypeSelection.Parse(TypeValues, Types);
        BadFilter = chosen is null;
        Chosen = chosen ?? [];
        Today = TownToday.Of(tenant, clock);
        ShownYear = Year is { } y && y >= Today.Year - 1 && y <= Today.Year + 1 ? y : Today.Year;
        Next = [.. (await queries.CollectionsAsync(Id, Today, Today.AddDays(366), Chosen, cancellationToken)).Take(NextShown)];
        YearDays = await queries.CollectionsAsync(Id, new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31), Chosen, cancellationToken);
        return Page();
    }

    public string FeedPath => WasteFeedEndpoint.Path(Id, Chosen);

    public string YearLink(int year) =>
        $"/abfall/{Id}?jahr={year}" + string.Concat(Chosen.Select(c => $"&typ={c:N}")) + "#jahr";
}
