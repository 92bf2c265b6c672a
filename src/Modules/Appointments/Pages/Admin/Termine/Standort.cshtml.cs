using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Appointments.Admin;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>
/// A new location (no id) or one of the town's: its rules, weekly hours with breaks, closed days and
/// special days (itinerant office hours are a location open only on its special days). Another town's id is a 404.
/// </summary>
internal sealed class AppointmentsAdminLocationModel(LocationEditor editor) : AppointmentsAdminPage
{
    [FromRoute(Name = "id")]
    public Guid? Id { get; set; }

    [BindProperty(Name = "")]
    public LocationInput Input { get; set; } = new();

    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public HoursInput Hours { get; private set; } = new();

    public LocationSheet? Sheet { get; private set; }

    /// <summary>Which of the small forms failed ("hours", "special", "closed"), to show what was typed there again.</summary>
    public string? Failed { get; private set; }

    public string? Message => Done is "saved" or "hours" or "closed" or "special" or "removed" ? T[$"appointments.admin.location.done.{Done}"] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Sheet = await editor.SheetAsync(id, cancellationToken);
            if (Sheet is null)
            {
                return NotFound();
            }
            Input = LocationEditor.InputOf(Sheet.Location);
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
            return Redirect($"/admin/termine/standort/{saved.Id}?erledigt=saved");
        }
        if (errors.Count == 0)
        {
            return NotFound();
        }
        AddErrors(errors);
        Sheet = Id is { } existing ? await editor.SheetAsync(existing, cancellationToken) : null;
        return Page();
    }

    public Task<IActionResult> OnPostHoursAsync([FromForm] HoursInput hours, CancellationToken cancellationToken) =>
        ChangeAsync(hours, (location, ct) => editor.AddHoursAsync(location, hours, ct), "hours", cancellationToken);

    public Task<IActionResult> OnPostClosedAsync([FromForm] HoursInput hours, CancellationToken cancellationToken) =>
        ChangeAsync(hours, (location, ct) => editor.AddClosedDayAsync(location, hours, ct), "closed", cancellationToken);

    public Task<IActionResult> OnPostSpecialAsync([FromForm] HoursInput hours, CancellationToken cancellationToken) =>
        ChangeAsync(hours, (location, ct) => editor.AddSpecialDayAsync(location, hours, ct), "special", cancellationToken);

    public Task<IActionResult> OnPostRemoveHoursAsync([FromForm(Name = "Entry")] Guid entry, CancellationToken cancellationToken) =>
        RemoveAsync((location, ct) => editor.RemoveHoursAsync(location, entry, ct), cancellationToken);

    public Task<IActionResult> OnPostRemoveSpecialAsync([FromForm(Name = "Entry")] Guid entry, CancellationToken cancellationToken) =>
        RemoveAsync((location, ct) => editor.RemoveSpecialDayAsync(location, entry, ct), cancellationToken);

    public Task<IActionResult> OnPostRemoveClosedAsync([FromForm(Name = "Day")] string? day, CancellationToken cancellationToken) =>
        RemoveAsync((location, ct) => FormText.Day(day) is { } d ? editor.RemoveClosedDayAsync(location, d, ct) : Task.FromResult(false), cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        HoursInput hours, Func<Data.Location, CancellationToken, Task<Dictionary<string, string>>> change, string done, CancellationToken cancellationToken)
    {
        // Only the fields of the submitted form count; the location form's fields were not sent.
        ModelState.Clear();
        if (Id is not { } id || await editor.FindAsync(id, cancellationToken) is not { } location)
        {
            return NotFound();
        }
        var errors = await change(location, cancellationToken);
        if (errors.Count == 0)
        {
            return Redirect($"/admin/termine/standort/{id}?erledigt={done}");
        }
        AddErrors(errors);
        Hours = hours;
        Failed = done;
        Sheet = await editor.SheetAsync(id, cancellationToken);
        Input = LocationEditor.InputOf(Sheet!.Location);
        return Page();
    }

    private async Task<IActionResult> RemoveAsync(Func<Data.Location, CancellationToken, Task<bool>> remove, CancellationToken cancellationToken)
    {
        if (Id is not { } id || await editor.FindAsync(id, cancellationToken) is not { } location || !await remove(location, cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"/admin/termine/standort/{id}?erledigt=removed");
    }
}
