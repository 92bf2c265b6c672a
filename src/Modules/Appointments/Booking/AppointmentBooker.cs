using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments.Booking;

/// <summary>Books a checked request: the time must be one of the service's slots now, then the ledger decides.</summary>
internal sealed class AppointmentBooker(AppointmentsCatalog catalog, SlotLedger ledger, TimeProvider clock)
{
    public async Task<BookingOutcome> BookAsync(ValidBookingRequest request, CancellationToken cancellationToken, BookingOptions? options = null)
    {
        options ??= BookingOptions.Hold;
        var plan = await catalog.PlanForAsync(request.ServiceId, request.LocationId, cancellationToken);
        if (plan is null || plan.Service.RetiredAt is not null)
        {
            return new BookingOutcome(BookingResult.UnknownService);
        }
        var now = clock.GetUtcNow();
        // Holds past their 15 minutes give their cells back now, even if the release job is late.
        await ledger.ReleaseExpiredAsync(plan.Location.Id, now.UtcDateTime, cancellationToken);
        if (request.Start < now.AddMinutes(plan.Rules.MinimumNoticeMinutes))
        {
            return new BookingOutcome(request.Start <= now ? BookingResult.InThePast : BookingResult.TooSoon);
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.Start, plan.Planner.Zone).DateTime);
        if (day > plan.Planner.Today(now).AddDays(plan.Rules.HorizonDays))
        {
            return new BookingOutcome(BookingResult.BeyondHorizon);
        }
        var slots = await plan.SlotsAsync(catalog, day, day, now, cancellationToken);
        var slot = slots.FirstOrDefault(s => s.Start == request.Start);
        if (slot is null)
        {
            return new BookingOutcome(BookingResult.NotASlot);
        }
        if (slot.Remaining <= 0)
        {
            return new BookingOutcome(BookingResult.Full);
        }
        var token = ManageToken.Create();
        var booking = new Data.Booking
        {
            ServiceId = plan.Service.Id,
            LocationId = plan.Location.Id,
            Start = slot.Start.UtcDateTime,
            End = slot.Occupied.UtcDateTime, // the ledger frees [Start, End) on cancel: the buffer's cells too
            Name = request.Name,
            Email = request.Email,
            TokenHash = ManageToken.Hash(token),
            CreatedAt = now.UtcDateTime,
            // The request's language (page or API): the reminder a day later has no request to ask.
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Texts.English ? Texts.English : Texts.German,
        };
        var code = options.Apply(booking, now.UtcDateTime);
        // The Remaining check above only spares the database a hopeless write; the ledger is what decides.
        var decided = await ledger.TryBookAsync(
            booking, slot.Cells, plan.Rules.Counters, new BookingGuards(options.SubmissionKeyHash, plan.Location.MaxActiveBookingsPerEmail), now.UtcDateTime, cancellationToken);
        return decided.Result == BookingResult.Booked
            ? new BookingOutcome(BookingResult.Booked, booking, token, plan, slot) { ConfirmCode = code }
            : new BookingOutcome(decided.Result) { ExistingBookingId = decided.ExistingBookingId, Plan = plan };
    }
}

internal enum BookingResult
{
    Booked,
    UnknownService,
    InThePast,
    TooSoon,
    BeyondHorizon,
    NotASlot,
    Full,

    /// <summary>The address already holds as many active bookings at this location as it may.</summary>
    CapReached,

    /// <summary>The same form or Idempotency-Key was submitted before; nothing new was booked.</summary>
    Duplicate,

    /// <summary>The booking was cancelled, released or moved meanwhile.</summary>
    Gone,
}

internal sealed record BookingOutcome(
    BookingResult Result, Data.Booking? Booking = null, string? Token = null, ServicePlan? Plan = null, Slot? Slot = null)
{
    /// <summary>The code of the confirmation link of a new hold (only mailed, never answered).</summary>
    public string? ConfirmCode { get; init; }

    /// <summary>For <see cref="BookingResult.Duplicate"/>: the booking the first submission made.</summary>
    public Guid? ExistingBookingId { get; init; }
}
