using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments.Booking;

/// <summary>
/// Reschedules a booking to another slot of the same service: the new time must be a slot now (the
/// booker's rules), then the ledger moves the cells in one transaction. Id and manage token stay.
/// </summary>
internal sealed class AppointmentMover(AppointmentsCatalog catalog, SlotLedger ledger, TimeProvider clock)
{
    public async Task<BookingOutcome> MoveAsync(Data.Booking booking, DateTimeOffset newStart, string? token, CancellationToken cancellationToken)
    {
        if (await catalog.PlanForAsync(booking.ServiceId, cancellationToken) is not { } plan)
        {
            return new BookingOutcome(BookingResult.Gone);
        }
        var now = clock.GetUtcNow();
        if (newStart < now.AddMinutes(plan.Rules.MinimumNoticeMinutes))
        {
            return new BookingOutcome(newStart <= now ? BookingResult.InThePast : BookingResult.TooSoon) { Plan = plan };
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(newStart, plan.Planner.Zone).DateTime);
        if (day > plan.Planner.Today(now).AddDays(plan.Rules.HorizonDays))
        {
            return new BookingOutcome(BookingResult.BeyondHorizon) { Plan = plan };
        }
        await ledger.ReleaseExpiredAsync(plan.Location.Id, now.UtcDateTime, cancellationToken);
        var slots = await plan.SlotsAsync(catalog, day, day, now, cancellationToken);
        if (slots.FirstOrDefault(s => s.Start == newStart) is not Slot slot)
        {
            return new BookingOutcome(BookingResult.NotASlot) { Plan = plan };
        }
        var result = await ledger.MoveAsync(booking, slot.Start.UtcDateTime, slot.End.UtcDateTime, slot.Cells, plan.Rules.Counters, cancellationToken);
        if (result != BookingResult.Booked)
        {
            return new BookingOutcome(result) { Plan = plan };
        }
        booking.Start = slot.Start.UtcDateTime;
        booking.End = slot.End.UtcDateTime;
        return new BookingOutcome(BookingResult.Booked, booking, token, plan, slot);
    }
}
