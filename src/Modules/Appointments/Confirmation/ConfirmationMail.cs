using System.Globalization;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Booking;

namespace Saas.Modules.Appointments.Confirmation;

/// <summary>
/// Mails the resident the booking with its calendar entry and the cancel link (the only copy of the
/// token besides the booking answer) and the reschedule link. Sent after the booking is committed: a mail server that fails
/// never loses a confirmed booking; it is logged, and the answer still shows the booking and link.
/// </summary>
internal sealed partial class ConfirmationMail(
    MailComposer composer, Texts texts, IMailSender mail, ITenantContext tenant, TimeProvider clock, ILogger<ConfirmationMail> logger)
{
    public async Task<bool> SendAsync(BookingOutcome booked, string culture, CancellationToken cancellationToken)
    {
        var (booking, plan, slot) = (booked.Booking!, booked.Plan!, booked.Slot!);
        var town = tenant.Current!;
        var words = CultureInfo.GetCultureInfo(culture == Texts.English ? Texts.English : Texts.German);
        var zone = plan.Planner.Zone;
        var local = TimeZoneInfo.ConvertTime(slot.Start, zone);
        var when = local.ToString(words.Name == Texts.English ? "dddd, d MMMM yyyy, HH:mm" : "dddd, d. MMMM yyyy, HH:mm 'Uhr'", words);
        var place = $"{plan.Location.Name}, {plan.Location.Street}, {plan.Location.PostalCode} {plan.Location.City}";
        var cancel = ManageLinks.Cancel(town.PrimaryHost, booking.Id, booked.Token);
        var reschedule = ManageLinks.Reschedule(town.PrimaryHost, booking.Id, booked.Token);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var content = new MailContent(
            T("appointments.mail.subject", plan.Service.Name, when),
            [
                T("appointments.mail.booked", plan.Service.Name, when, place),
                T("appointments.mail.bring", plan.Service.WhatToBring),
                T("appointments.mail.cancel"),
            ])
        {
            Action = new MailAction(T("appointments.mail.cancel.button"), cancel),
            Links = [new MailAction(T("appointments.mail.reschedule.link"), reschedule)],
        };
        var ics = CalendarEntry.Create(
            booking.Id, town.PrimaryHost, slot.Start, slot.End, clock.GetUtcNow(), $"{plan.Service.Name} ({town.FullName})", place,
            T("appointments.mail.bring", plan.Service.WhatToBring), zone);
        var message = composer.Compose(words, content).To(booking.Email) with
        {
            Attachments = [new MailAttachment("termin.ics", "text/calendar; charset=utf-8; method=PUBLISH", ics)],
        };
        try
        {
            await mail.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, booking.Id, ex);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The confirmation of booking {BookingId} could not be mailed; the booking stands.")]
    private static partial void LogNotSent(ILogger logger, Guid bookingId, Exception exception);
}
