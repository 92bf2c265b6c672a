using Microsoft.AspNetCore.Mvc;
using Saas.Modules.WasteCalendar.Admin;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Pages.Admin.Abfall;

/// <summary>The waste calendar's staff overview: waste types (add, edit) and collection areas (add, open).</summary>
internal sealed class WasteAdminIndexModel(WasteQueries queries, WasteEditor editor, WasteFigures figures) : WasteAdminPage
{
    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public IReadOnlyList<WasteType> Types { get; private set; } = [];
    public IReadOnlyList<CollectionArea> Areas { get; private set; } = [];
    public ReminderFigures Figures { get; private set; } = new([], 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Done is "gespeichert" ? T["waste.admin.saved"] : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostTypAsync([FromForm] string? name, [FromForm] string? colour, [FromForm] string? icon, CancellationToken cancellationToken) =>
        await Done_(await editor.AddTypeAsync(Clean(name), Clean(colour).ToLowerInvariant(), Clean(icon), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostTypAendernAsync([FromForm] Guid id, [FromForm] string? name, [FromForm] string? colour, [FromForm] string? icon, CancellationToken cancellationToken)
    {
        var problem = await editor.UpdateTypeAsync(id, Clean(name), Clean(colour).ToLowerInvariant(), Clean(icon), cancellationToken);
        return problem == "waste.admin.error.notFound" ? NotFound() : await Done_(problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostStandardAsync(CancellationToken cancellationToken)
    {
        await editor.AddDefaultTypesAsync(cancellationToken);
        return Redirect("/admin/abfall?erledigt=gespeichert");
    }

    public async Task<IActionResult> OnPostGebietAsync([FromForm] string? name, CancellationToken cancellationToken) =>
        await Done_(await editor.AddAreaAsync(Clean(name), cancellationToken), cancellationToken);

    private async Task<IActionResult> Done_(string? problem, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            return Redirect("/admin/abfall?erledigt=gespeichert");
        }
        Problem = T[problem];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Types = await queries.TypesAsync(cancellationToken);
        Areas = await queries.AreasAsync(cancellationToken);
        Figures = await figures.GetAsync(cancellationToken);
    }
}
