using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Confirmation;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Jobs;

/// <summary>
/// Every ten minutes, per town: the reminder mail for confirmed bookings starting within 24 hours.
/// Each mail is claimed first by a conditional UPDATE of <c>reminder_sent_at</c>, so two runs at
/// once (Hangfire delivers at least once) send it exactly once; a failed send gives the claim back.
/// Bookings confirmed less than a day ahead get none: their confirmation is fresh.
/// </summary>
internal sealed partial class ReminderJob(
    AppointmentsDbContext db, AppointmentsCatalog catalog, SlotLedger ledger, ReminderMail mail, TimeProvider clock, ILogger<ReminderJob> logger) : ITenantJob
{
    public const string Id = "appointments-reminders";
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Ahead;
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.CancelledAt == null && b.ReminderSentAt == null && b.Start > now && b.Start <= until
                        && (b.ConfirmedAt != null || b.HoldExpiresAt == null))
            .OrderBy(b => b.Start)
            .ToListAsync(cancellationToken);
        // By service and place: an itinerant booking is reminded of the village house, not the town hall.
        var plans = new Dictionary<(Guid, Guid), ServicePlan?>();
        foreach (var booking in due.Where(b => (b.ConfirmedAt ?? b.CreatedAt) <= b.Start - Ahead))
        {
            if (!plans.TryGetValue((booking.ServiceId, booking.LocationId), out var plan))
            {
                plans[(booking.ServiceId, booking.LocationId)] = plan = await catalog.PlanForAsync(booking.ServiceId, booking.LocationId, cancellationToken);
            }
            if (plan is null || !await ledger.ClaimReminderAsync(booking, now, cancellationToken))
            {
                continue;
            }
            try
            {
                await mail.SendAsync(booking, plan, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotSent(logger, booking.Id, ex);
                await ledger.UnclaimReminderAsync(booking.Id, now, cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The reminder of booking {BookingId} could not be mailed; the next run tries again.")]
    private static partial void LogNotSent(ILogger logger, Guid bookingId, Exception exception);
}
