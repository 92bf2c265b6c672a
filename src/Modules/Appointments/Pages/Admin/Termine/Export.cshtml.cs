using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Appointments.Admin;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>Bookings of a date range as a CSV file for German Excel (at most a year at once).</summary>
internal sealed class AppointmentsAdminExportModel(StaffBookings bookings) : AppointmentsAdminPage
{
    public const int MaxDays = 366;

    [FromQuery(Name = "von")]
    public string? FromText { get; set; }

    [FromQuery(Name = "bis")]
    public string? ToText { get; set; }

    public void OnGet()
    {
        var today = bookings.Today;
        FromText ??= FormText.Iso(today);
        ToText ??= FormText.Iso(today.AddDays(27));
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var from = FormText.Day(FromText);
        var to = FormText.Day(ToText);
        if (from is null)
        {
            ModelState.AddModelError("von", T["appointments.admin.error.day"]);
        }
        if (to is null)
        {
            ModelState.AddModelError("bis", T["appointments.admin.error.day"]);
        }
        else if (from is { } f && (to < f || to.Value.DayNumber - f.DayNumber >= MaxDays))
        {
            ModelState.AddModelError("bis", T["appointments.admin.error.range"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var rows = await bookings.BetweenAsync(from!.Value, to!.Value, withCancelled: true, cancellationToken);
        return File(BookingsCsv.Write(rows, key => T[key]), "text/csv; charset=utf-8", $"termine-{FormText.Iso(from.Value)}-{FormText.Iso(to.Value)}.csv");
    }
}
