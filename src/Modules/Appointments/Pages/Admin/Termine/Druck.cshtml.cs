using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Admin;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>The day list on paper: no navigation, only what the counter needs, laid out by the print rules of admin.css.</summary>
internal sealed class AppointmentsAdminPrintModel(StaffBookings bookings) : AppointmentsAdminPage
{
    [FromQuery(Name = "tag")]
    public string? DayText { get; set; }

    [FromQuery(Name = "standort")]
    public Guid? LocationFilter { get; set; }

    public DateOnly Day { get; private set; }

    public IReadOnlyList<PlanRow> Rows { get; private set; } = [];

    public string Town => HttpContext.RequestServices.GetRequiredService<ITenantContext>().Current?.FullName ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Day = FormText.Day(DayText) ?? bookings.Today;
        var rows = await bookings.BetweenAsync(Day, Day, withCancelled: false, cancellationToken);
        Rows = LocationFilter is { } l ? [.. rows.Where(r => r.LocationId == l)] : rows;
    }
}
