using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Coworking.Admin;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Pages.Admin.Coworking;

/// <summary>The front desk: the day's occupancy (who is coming, check-in) and the town's spaces.</summary>
internal sealed class CoworkingAdminIndexModel(StaffDesk desk, Availability availability, TownTime time) : CoworkingAdminPage
{
    [FromQuery(Name = "tag")]
    public string? DayText { get; set; }

    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public DateOnly Day { get; private set; }
    public IReadOnlyList<TodayRow> Rows { get; private set; } = [];
    public IReadOnlyList<Space> Spaces { get; private set; } = [];
    public bool IsToday => Day == time.Today;

    public DateTime Local(DateTime utc) => time.Local(utc);

    public string? Message => Done == "checkin" ? T["coworking.admin.done.checkin"] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Day = DateOnly.TryParseExact(DayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is > 2000 and < 2200 ? d : time.Today;
        Rows = await desk.DayAsync(Day, cancellationToken);
        Spaces = await availability.SpacesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync([FromForm(Name = "Booking")] Guid booking, CancellationToken cancellationToken) =>
        await desk.CheckInAsync(booking, cancellationToken) ? Redirect("/admin/coworking?erledigt=checkin") : NotFound();
}
