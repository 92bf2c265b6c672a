using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.WasteCalendar.Admin;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Pages.Admin.Abfall;

/// <summary>One collection area: its streets (with house-number ranges) and its collection dates of a year; add and remove.</summary>
internal sealed class WasteAdminAreaModel(WasteQueries queries, WasteEditor editor, WasteDbContext db) : WasteAdminPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "jahr")]
    public int? Year { get; set; }

    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public CollectionArea Area { get; private set; } = null!;
    public IReadOnlyList<StreetSegment> Streets { get; private set; } = [];
    public IReadOnlyList<WasteType> Types { get; private set; } = [];
    public IReadOnlyList<CollectionDay> Days { get; private set; } = [];
    public int ShownYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Done is "gespeichert" ? T["waste.admin.saved"] : null;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStrasseAsync(
        [FromForm] string? village, [FromForm] string? street, [FromForm] string? from, [FromForm] string? to, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!Number(from, out var f) || !Number(to, out var t))
        {
            return await Failed("waste.admin.error.range", cancellationToken);
        }
        return await After(await editor.AddStreetAsync(Id, Clean(village), Clean(street), f, t, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostStrasseEntfernenAsync([FromForm] Guid streetId, CancellationToken cancellationToken) =>
        await editor.RemoveStreetAsync(Id, streetId, cancellationToken) ? Redirect($"/admin/abfall/gebiete/{Id}?erledigt=gespeichert") : NotFound();

    public async Task<IActionResult> OnPostTerminAsync([FromForm] Guid typeId, [FromForm] string? day, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 2000 or > 2199)
        {
            return await Failed("waste.admin.error.date", cancellationToken);
        }
        var problem = await editor.AddCollectionAsync(Id, typeId, date, cancellationToken);
        return problem == "waste.admin.error.notFound" ? await Failed("waste.admin.error.type", cancellationToken) : await After(problem, cancellationToken, date.Year);
    }

    public async Task<IActionResult> OnPostTerminEntfernenAsync([FromForm] Guid typeId, [FromForm] string? day, CancellationToken cancellationToken) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && await editor.RemoveCollectionAsync(Id, typeId, date, cancellationToken)
            ? Redirect($"/admin/abfall/gebiete/{Id}?jahr={date.Year}&erledigt=gespeichert")
            : NotFound();

    public async Task<IActionResult> OnPostLoeschenAsync([FromForm] string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (confirm != "ja")
        {
            return await Failed("waste.admin.error.confirm", cancellationToken);
        }
        return await editor.DeleteAreaAsync(Id, cancellationToken) ? Redirect("/admin/abfall?erledigt=gespeichert") : NotFound();
    }

    private async Task<IActionResult> After(string? problem, CancellationToken cancellationToken, int? year = null) =>
        problem is null ? Redirect($"/admin/abfall/gebiete/{Id}?{(year is { } y ? $"jahr={y}&" : "")}erledigt=gespeichert") : await Failed(problem, cancellationToken);

    private async Task<IActionResult> Failed(string problem, CancellationToken cancellationToken)
    {
        Problem = T[problem];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static bool Number(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100000)
        {
            value = n;
            return true;
        }
        return false;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await queries.AreaAsync(Id, cancellationToken) is not { } area)
        {
            return false;
        }
        Area = area;
        Streets = await db.Streets.AsNoTracking().Where(s => s.AreaId == Id).OrderBy(s => s.Village).ThenBy(s => s.Street).ThenBy(s => s.FromNumber).ToListAsync(cancellationToken);
        Types = await queries.TypesAsync(cancellationToken);
        ShownYear = Year is >= 2000 and < 2200 ? Year.Value : DateTime.UtcNow.Year;
        Days = await queries.CollectionsAsync(Id, new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31), [], cancellationToken);
        return true;
    }
}
