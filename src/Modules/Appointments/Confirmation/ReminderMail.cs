using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.Appointments.Confirmation;

/// <summary>
/// The reminder a day before. Only the token's hash is stored, so it cannot repeat the manage links;
/// it points to the confirmation mail (and, for bookings of an account, to "Meine Termine").
/// </summary>
internal sealed class ReminderMail(MailComposer composer, Texts texts, IMailSender mail, ITenantContext tenant)
{
    /// <summary>Sends; throws when the mail server refuses, so the caller can give its claim back.</summary>
    public Task SendAsync(Data.Booking booking, ServicePlan plan, CancellationToken cancellationToken)
    {
        var town = tenant.Current!;
        var words = CultureInfo.GetCultureInfo(booking.Language == Texts.English ? Texts.English : Texts.German);
        var when = AppointmentWords.When(AppointmentWords.Local(booking.Start, plan.Planner.Zone), words);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var content = new MailContent(
            T("appointments.reminder.subject", plan.Service.Name, when),
            [
                T("appointments.reminder.text", plan.Service.Name, when, AppointmentWords.Place(plan.Location)),
                T("appointments.mail.bring", plan.Service.WhatToBring),
                T("appointments.reminder.links"),
            ])
        {
            Action = booking.AccountId is null ? null : new MailAction(T("appointments.mine.title"), ManageLinks.Mine(town.PrimaryHost)),
        };
        return mail.SendAsync(composer.Compose(words, content).To(booking.Email), cancellationToken);
    }
}
