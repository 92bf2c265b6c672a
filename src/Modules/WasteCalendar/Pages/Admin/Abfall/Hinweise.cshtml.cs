using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;
using Saas.Modules.WasteCalendar.Notices;

namespace Saas.Modules.WasteCalendar.Pages.Admin.Abfall;

/// <summary>Disruption notices: write one for some areas (optionally moving a collection day), see and delete current ones.</summary>
internal sealed class WasteNoticesModel(WasteQueries queries, NoticeEditor editor) : WasteAdminPage
{
    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public IReadOnlyList<CollectionArea> Areas { get; private set; } = [];
    public IReadOnlyList<(Notice Notice, IReadOnlyList<Guid> Areas)> Current { get; private set; } = [];
    public string? Text { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Done is "gespeichert" ? T["waste.admin.saved"] : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(
        [FromForm] string? text, [FromForm(Name = "gebiet")] Guid[]? areas, [FromForm] string? movedFrom, [FromForm] string? movedTo, CancellationToken cancellationToken)
    {
        Text = (text ?? "").Trim();
        var from = ParseDay(movedFrom);
        var to = ParseDay(movedTo);
        var problem = (from is null && !string.IsNullOrWhiteSpace(movedFrom)) || (to is null && !string.IsNullOrWhiteSpace(movedTo))
            ? "waste.notice.error.moved"
            : await editor.CreateAsync(new NoticeRequest(Text.ReplaceLineEndings("\n"), areas ?? [], from, to), cancellationToken);
        if (problem is null)
        {
            return Redirect("/admin/abfall/hinweise?erledigt=gespeichert");
        }
        Problem = T[problem];
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLoeschenAsync([FromForm] Guid id, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(id, cancellationToken) ? Redirect("/admin/abfall/hinweise?erledigt=gespeichert") : NotFound();

    public string AreaName(Guid id) => Areas.FirstOrDefault(a => a.Id == id)?.Name ?? "";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Areas = await queries.AreasAsync(cancellationToken);
        Current = await editor.CurrentAsync(null, cancellationToken);
    }

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact((value ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
