using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Appointments.Admin;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>Who comes when on one day, for what, at which location; staff mark attended or no-show here.</summary>
internal sealed class AppointmentsAdminDayPlanModel(StaffBookings bookings) : AppointmentsAdminPage
{
    [FromQuery(Name = "tag")]
    public string? DayText { get; set; }

    [FromQuery(Name = "standort")]
    public Guid? LocationFilter { get; set; }

    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public DateOnly Day { get; private set; }

    public IReadOnlyList<PlanRow> Rows { get; private set; } = [];

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public string? Message => Done switch
    {
        "markiert" => T["appointments.admin.marked"],
        "abgesagt" => T["appointments.admin.cancelled"],
        "abgesagt-ohne-mail" => T["appointments.admin.cancelledNoMail"],
        _ => null,
    };

    public string Link(DateOnly day) => $"/admin/termine/tagesplan?tag={FormText.Iso(day)}{(LocationFilter is { } l ? $"&standort={l}" : "")}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMarkAsync([FromForm(Name = "Booking")] Guid booking, [FromForm(Name = "Attendance")] string? attendance, CancellationToken cancellationToken)
    {
        var value = attendance switch
        {
            AttendanceValues.Attended or AttendanceValues.NoShow => attendance,
            "" or null => null,
            _ => "invalid",
        };
        if (value == "invalid" || await bookings.RowAsync(booking, cancellationToken) is not { } row || !await bookings.MarkAsync(booking, value, cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"/admin/termine/tagesplan?tag={FormText.Iso(DateOnly.FromDateTime(row.StartLocal))}&erledigt=markiert#b-{booking}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Day = FormText.Day(DayText) ?? bookings.Today;
        Locations = await bookings.LocationsAsync(cancellationToken);
        var rows = await bookings.BetweenAsync(Day, Day, withCancelled: true, cancellationToken);
        Rows = LocationFilter is { } l ? [.. rows.Where(r => r.LocationId == l)] : rows;
    }
}
