using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Coworking.Admin;
using Saas.Modules.Coworking.Booking;

namespace Saas.Modules.Coworking.Pages.Admin.Coworking;

/// <summary>A month's figures: utilisation and revenue per desk and room, passes sold.</summary>
internal sealed class CoworkingAdminFiguresModel(StaffDesk desk, TownTime time) : CoworkingAdminPage
{
    [FromQuery(Name = "monat")]
    public string? MonthText { get; set; }

    public MonthFigures Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var month = DateOnly.TryParseExact(MonthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is > 2000 and < 2200
            ? m
            : new DateOnly(time.Today.Year, time.Today.Month, 1);
        Figures = await desk.MonthAsync(month.Year, month.Month, cancellationToken);
        return Page();
    }

    public static string MonthValue(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);
}
