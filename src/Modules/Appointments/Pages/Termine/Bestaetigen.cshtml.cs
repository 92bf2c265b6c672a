using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Confirmation;
using Saas.Modules.Appointments.Data;
using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments.Pages.Termine;

/// <summary>
/// The link of the hold mail: shows the held time and confirms it on a button press (a mail scanner
/// that follows links confirms nothing). Needs the booking's token and the mailed code; anything
/// else is a 404. A hold past its 15 minutes is refused with a 410 and a way to book again.
/// </summary>
internal sealed class AppointmentsConfirmModel(
    AppointmentsDbContext db, AppointmentsCatalog catalog, SlotLedger ledger, ConfirmationMail mail, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Data.Booking Booking { get; private set; } = null!;
    public ServicePlan Plan { get; private set; } = null!;
    public ConfirmState State { get; private set; }
    public bool Mailed { get; private set; }

    public DateTimeOffset LocalStart => AppointmentWords.Local(Booking.Start, Plan.Planner.Zone);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Show() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (State != ConfirmState.Waiting)
        {
            return Show();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await ledger.ConfirmAsync(Booking.Id, now, cancellationToken))
        {
            // Expired, released or confirmed by a parallel click meanwhile: show whichever it is now.
            await LoadAsync(cancellationToken);
            return Show();
        }
        Booking.ConfirmedAt = now;
        State = ConfirmState.Confirmed;
        var zone = Plan.Planner.Zone;
        var slot = new Slot(AppointmentWords.Local(Booking.Start, zone), AppointmentWords.Local(Booking.End, zone), 0, []);
        Mailed = await mail.SendAsync(new BookingOutcome(BookingResult.Booked, Booking, Token, Plan, slot), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        return Page();
    }

    private PageResult Show()
    {
        if (State == ConfirmState.Expired)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == Id, cancellationToken);
        if (booking is not { ConfirmCodeHash: { } codeHash } || !ManageToken.Matches(Token, booking.TokenHash) || !ManageToken.Matches(Code, codeHash)
            || await catalog.PlanForAsync(booking.ServiceId, cancellationToken) is not { } plan)
        {
            return false;
        }
        (Booking, Plan) = (booking, plan);
        State = booking switch
        {
            { ConfirmedAt: not null, CancelledAt: null } => ConfirmState.Confirmed,
            { ConfirmedAt: not null } => ConfirmState.Cancelled,
            { ReleasedAt: not null } => ConfirmState.Expired,
            { CancelledAt: not null } => ConfirmState.Cancelled,
            _ when booking.HoldExpiresAt <= clock.GetUtcNow().UtcDateTime => ConfirmState.Expired,
            _ => ConfirmState.Waiting,
        };
        return true;
    }
}

internal enum ConfirmState
{
    Waiting,
    Confirmed,
    Expired,
    Cancelled,
}
