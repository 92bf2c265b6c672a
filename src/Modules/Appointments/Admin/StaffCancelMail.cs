using System.Globalization;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;

namespace Saas.Modules.Appointments.Admin;

/// <summary>
/// Tells the resident that the town cancelled their appointment, with staff's message. Sent after the
/// cancel is committed; a mail server that fails is logged and reported to staff, the cancel stands.
/// </summary>
internal sealed partial class StaffCancelMail(MailComposer composer, Texts texts, IMailSender mail, ILogger<StaffCancelMail> logger)
{
    public async Task<bool> SendAsync(PlanRow booking, string message, string culture, CancellationToken cancellationToken)
    {
        var words = CultureInfo.GetCultureInfo(culture == Texts.English ? Texts.English : Texts.German);
        var when = booking.StartLocal.ToString(words.Name == Texts.English ? "dddd, d MMMM yyyy, HH:mm" : "dddd, d. MMMM yyyy, HH:mm 'Uhr'", words);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var content = new MailContent(
            T("appointments.mail.staffCancel.subject", booking.Service, when),
            [T("appointments.mail.staffCancel.body", booking.Service, when, booking.Location), message, T("appointments.mail.staffCancel.rebook")]);
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

    [LoggerMessage(LogLevel.Warning, "The cancel message for booking {BookingId} could not be mailed; the booking stays cancelled.")]
    private static partial void LogNotSent(ILogger logger, Guid bookingId, Exception exception);
}
