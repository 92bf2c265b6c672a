using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;
using Saas.Modules.WasteCalendar.Rules;

namespace Saas.Modules.WasteCalendar.Pages.Admin.Abfall;

/// <summary>Recurring rules per area and type, their exceptions, and writing their dates as collections.</summary>
internal sealed class WasteRulesModel(WasteQueries queries, RuleEditor editor, WasteDbContext db) : WasteAdminPage
{
    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public IReadOnlyList<CollectionArea> Areas { get; private set; } = [];
    public IReadOnlyList<WasteType> Types { get; private set; } = [];
    public IReadOnlyList<(Rule Rule, IReadOnlyList<RuleDateException> Exceptions, IReadOnlyList<DateOnly> Dates)> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Done is "gespeichert" ? T["waste.admin.saved"] : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(
        [FromForm] Guid areaId, [FromForm] Guid typeId, [FromForm] int? everyWeeks, [FromForm] int? weekday,
        [FromForm] string? starts, [FromForm] string? ends, CancellationToken cancellationToken)
    {
        var from = ParseDay(starts);
        var to = ParseDay(ends);
        var problem = from is null || to is null ? "waste.rule.error.span"
            : weekday is not (>= 0 and <= 6) ? "waste.rule.error.weekday"
            : await editor.CreateAsync(new RuleRequest(areaId, typeId, everyWeeks ?? 0, (DayOfWeek)weekday.Value, from.Value, to.Value), cancellationToken);
        return await DoneAsync(problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostSchreibenAsync([FromForm] Guid id, CancellationToken cancellationToken) =>
        await DoneAsync(await editor.WriteAsync(id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAusnahmeAsync([FromForm] Guid id, [FromForm] string? day, [FromForm] string? movedTo, CancellationToken cancellationToken)
    {
        var regular = ParseDay(day);
        var moved = ParseDay(movedTo);
        var problem = regular is null || (moved is null && !string.IsNullOrWhiteSpace(movedTo)) ? "waste.rule.error.notADate"
            : await editor.AddExceptionAsync(id, regular.Value, moved, cancellationToken);
        return await DoneAsync(problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostLoeschenAsync([FromForm] Guid id, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(id, cancellationToken) ? Redirect("/admin/abfall/regeln?erledigt=gespeichert") : NotFound();

    public string AreaName(Guid id) => Areas.FirstOrDefault(a => a.Id == id)?.Name ?? "";

    public WasteType? Type(Guid id) => Types.FirstOrDefault(t => t.Id == id);

    private async Task<IActionResult> DoneAsync(string? problem, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            return Redirect("/admin/abfall/regeln?erledigt=gespeichert");
        }
        if (problem == "waste.admin.error.notFound")
        {
            return NotFound();
        }
        Problem = T[problem];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Areas = await queries.AreasAsync(cancellationToken);
        Types = await queries.TypesAsync(cancellationToken);
        var rules = await db.Rules.AsNoTracking().OrderBy(r => r.AreaId).ThenBy(r => r.Starts).ToListAsync(cancellationToken);
        var list = new List<(Rule, IReadOnlyList<RuleDateException>, IReadOnlyList<DateOnly>)>();
        foreach (var rule in rules)
        {
            var exceptions = await editor.ExceptionsAsync(rule.Id, cancellationToken);
            list.Add((rule, exceptions, editor.DatesOf(rule, exceptions)));
        }
        Rules = list;
    }

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact((value ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
