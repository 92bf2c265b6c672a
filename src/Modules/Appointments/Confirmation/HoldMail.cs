using System.Globalization;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Booking;

namespace Saas.Modules.Appointments.Confirmation;

/// <summary>
/// The mail to a resident who booked without an account: the time is held for 15 minutes, and the
/// link confirms it. Only this mail carries the confirmation code, so only the mailbox's owner confirms.
/// </summary>
internal sealed partial class HoldMail(MailComposer composer, Texts texts, IMailSender mail, ITenantContext tenant, ILogger<HoldMail> logger)
{
    public async Task<bool> SendAsync(BookingOutcome held, string culture, CancellationToken cancellationToken)
    {
        var (booking, plan, slot) = (held.Booking!, held.Plan!, held.Slot!);
        var town = tenant.Current!;
        var words = CultureInfo.GetCultureInfo(culture == Texts.English ? Texts.English : Texts.German);
        var zone = plan.Planner.Zone;
        var when = AppointmentWords.When(TimeZoneInfo.ConvertTime(slot.Start, zone), words);
        var until = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(booking.HoldExpiresAt!.Value, DateTimeKind.Utc)), zone).ToString("HH:mm", words);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var content = new MailContent(
            T("appointments.hold.mail.subject", plan.Service.Name, when),
            [
                T("appointments.hold.mail.held", plan.Service.Name, when, AppointmentWords.Place(plan.Location)),
                T("appointments.hold.mail.until", until),
                T("appointments.hold.mail.ignore"),
            ])
        {
            Action = new MailAction(T("appointments.hold.mail.button"), ManageLinks.Confirm(town.PrimaryHost, booking.Id, held.Token!, held.ConfirmCode!)),
        };
        try
        {
            await mail.SendAsync(composer.Compose(words, content).To(booking.Email), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, booking.Id, ex);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The confirmation request of hold {BookingId} could not be mailed; the hold expires unconfirmed.")]
    private static partial void LogNotSent(ILogger logger, Guid bookingId, Exception exception);
}
