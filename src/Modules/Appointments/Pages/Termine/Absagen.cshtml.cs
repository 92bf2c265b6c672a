using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Pages.Termine;

/// <summary>
/// The cancel link of the confirmation mail: shows the booking for its token and cancels on a
/// button press (a mail scanner that follows the link cancels nothing). An unknown id, a cancelled
/// booking and a wrong token are the same 404. A signed-in resident's own booking needs no token.
/// </summary>
internal sealed class AppointmentsCancelModel(AppointmentsDbContext db, AppointmentsCatalog catalog, SlotLedger ledger, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Data.Booking Booking { get; private set; } = null!;
    public ServicePlan Plan { get; private set; } = null!;
    public bool Cancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !await ledger.CancelAsync(Booking, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return NotFound();
        }
        Cancelled = true;
        return Page();
    }

    public DateTimeOffset LocalStart => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(Booking.Start, DateTimeKind.Utc)), Plan.Planner.Zone);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == Id && b.CancelledAt == null, cancellationToken);
        if (booking is null || !BookingAccess.MayManage(booking, Token, User) || await catalog.PlanForAsync(booking.ServiceId, booking.LocationId, cancellationToken) is not { } plan)
        {
            return false;
        }
        (Booking, Plan) = (booking, plan);
        return true;
    }
}
