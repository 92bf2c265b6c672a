using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Confirmation;
using Saas.Modules.Appointments.Data;
using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments.Pages.Termine;

/// <summary>
/// The reschedule link of the confirmation mail (or "Meine Termine" for a signed-in resident): pick
/// another day and time of the same service. The move is one transaction; when the new time is
/// taken meanwhile, the booking stays where it was and the page says so. Same 404 as cancelling
/// for an unknown id, a cancelled booking or a wrong token.
/// </summary>
internal sealed class AppointmentsRescheduleModel(
    AppointmentsDbContext db, AppointmentsCatalog catalog, AppointmentMover mover, ConfirmationMail mail, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [FromQuery(Name = "tag")]
    public string? Day { get; set; }

    [BindProperty]
    public string? Start { get; set; }

    public Data.Booking Booking { get; private set; } = null!;
    public ServicePlan Plan { get; private set; } = null!;
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public DateOnly? SelectedDay { get; private set; }
    public IReadOnlyList<Slot> Times { get; private set; } = [];
    public BookingResult? Refused { get; private set; }
    public bool Moved { get; private set; }
    public bool Mailed { get; private set; }

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Plan.Planner.Zone);

    public DateTimeOffset LocalStart => AppointmentWords.Local(Booking.Start, Plan.Planner.Zone);

    /// <summary>The query that keeps the token on every link of the page.</summary>
    public string TokenQuery => Token is null ? "" : $"token={Uri.EscapeDataString(Token)}&";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Start is null || !DateTimeOffset.TryParseExact(Start, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            Refused = BookingResult.NotASlot;
            return Page();
        }
        var outcome = await mover.MoveAsync(Booking, start, Token, cancellationToken);
        if (outcome.Result == BookingResult.Gone)
        {
            return NotFound();
        }
        if (outcome.Result != BookingResult.Booked)
        {
            Refused = outcome.Result;
            await LoadAsync(cancellationToken); // the booking as it stands, and today's free times
            return Page();
        }
        Moved = true;
        Mailed = await mail.SendAsync(outcome, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == Id && b.CancelledAt == null, cancellationToken);
        if (booking is null || booking.IsPending || !BookingAccess.MayManage(booking, Token, User)
            || await catalog.PlanForAsync(booking.ServiceId, cancellationToken) is not { } plan)
        {
            return false;
        }
        (Booking, Plan) = (booking, plan);
        var now = clock.GetUtcNow();
        var today = plan.Planner.Today(now);
        var slots = await plan.SlotsAsync(catalog, today, today.AddDays(AppointmentsBookModel.DaysShown), now, cancellationToken);
        var current = DateTime.SpecifyKind(booking.Start, DateTimeKind.Utc);
        var free = slots.Where(s => s.Remaining > 0 && s.Start.UtcDateTime != current).ToList();
        Days = [.. free.Select(s => DateOnly.FromDateTime(Local(s.Start).DateTime)).Distinct()];
        var chosen = Start is not null && DateTimeOffset.TryParse(Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? DateOnly.FromDateTime(Local(start).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Day;
        if (DateOnly.TryParseExact(chosen, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && Days.Contains(day))
        {
            SelectedDay = day;
            Times = [.. free.Where(s => DateOnly.FromDateTime(Local(s.Start).DateTime) == day)];
        }
        return true;
    }
}
