using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Appointments.Admin;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>The week from Monday to Sunday: every day's bookings, each day linking to its day plan.</summary>
internal sealed class AppointmentsAdminWeekModel(StaffBookings bookings) : AppointmentsAdminPage
{
    [FromQuery(Name = "ab")]
    public string? FromText { get; set; }

    public DateOnly Monday { get; private set; }

    public ILookup<DateOnly, PlanRow> Days { get; private set; } = Array.Empty<PlanRow>().ToLookup(r => default(DateOnly));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var day = FormText.Day(FromText) ?? bookings.Today;
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var rows = await bookings.BetweenAsync(Monday, Monday.AddDays(6), withCancelled: false, cancellationToken);
        Days = rows.ToLookup(r => DateOnly.FromDateTime(r.StartLocal));
    }
}
