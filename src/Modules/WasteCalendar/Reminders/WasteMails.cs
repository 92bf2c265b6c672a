using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Reminders;

/// <summary>
/// The mails to subscribers, in the language they subscribed in. Reminders and notices carry the
/// one-click unsubscribe of RFC 8058: <c>List-Unsubscribe</c> with the https address (a POST there
/// unsubscribes) and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, and the same link in the text.
/// </summary>
internal sealed class WasteMails(MailComposer composer, Texts texts, IMailSender sender, ITenantContext tenant, SubscriptionTokens tokens)
{
    public Task SendOptInAsync(Subscription subscription, CollectionArea area, string token, CancellationToken cancellationToken)
    {
        var words = Words(subscription);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var content = new MailContent(
            T("waste.remind.optin.subject", area.Name),
            [T("waste.remind.optin.text", area.Name), T("waste.remind.optin.expiry", (int)Subscriber.ConfirmLifetime.TotalHours)])
        {
            Action = new MailAction(T("waste.remind.optin.action"), WasteLinks.Confirm(Host, subscription.Id, token)),
            Footer = T("waste.remind.optin.footer"),
        };
        return sender.SendAsync(composer.Compose(words, content).To(subscription.Email), cancellationToken);
    }

    /// <summary>One mail for all types collected in the area on <paramref name="day"/> that the subscriber chose.</summary>
    public Task SendReminderAsync(Subscription subscription, CollectionArea area, DateOnly day, IReadOnlyList<string> typeNames, CancellationToken cancellationToken)
    {
        var words = Words(subscription);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var types = string.Join(", ", typeNames);
        var date = day.ToString(words.TwoLetterISOLanguageName == Texts.English ? "dddd d MMMM yyyy" : "dddd, d. MMMM yyyy", words);
        var when = subscription.Evening ? "tomorrow" : "today";
        var content = new MailContent(
            T($"waste.remind.mail.subject.{when}", types, area.Name),
            [T($"waste.remind.mail.text.{when}", date, area.Name, types)])
        {
            Links = [new MailAction(T("waste.remind.mail.calendar"), WasteLinks.Area(Host, area.Id))],
        };
        return SendListMailAsync(subscription, area, words, content, cancellationToken);
    }

    public Task SendNoticeAsync(Subscription subscription, CollectionArea area, Notice notice, CancellationToken cancellationToken)
    {
        var words = Words(subscription);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var paragraphs = new List<string> { notice.Text };
        if (notice is { MovedFrom: { } from, MovedTo: { } to })
        {
            var format = words.TwoLetterISOLanguageName == Texts.English ? "dddd d MMMM yyyy" : "dddd, d. MMMM yyyy";
            paragraphs.Add(T("waste.notice.mail.moved", from.ToString(format, words), to.ToString(format, words)));
        }
        var content = new MailContent(T("waste.notice.mail.subject", area.Name), paragraphs)
        {
            Links = [new MailAction(T("waste.remind.mail.calendar"), WasteLinks.Area(Host, area.Id))],
        };
        return SendListMailAsync(subscription, area, words, content, cancellationToken);
    }

    private Task SendListMailAsync(Subscription subscription, CollectionArea area, CultureInfo words, MailContent content, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Mailing outside a town.");
        var unsubscribe = WasteLinks.Unsubscribe(Host, tokens.Unsubscribe(town, subscription.Id));
        var withUnsubscribe = content with
        {
            Links = [.. content.Links, new MailAction(texts.Get("waste.remind.mail.unsubscribe", words), unsubscribe)],
            Footer = string.Format(words, texts.Get("waste.remind.mail.footer", words), area.Name),
        };
        var message = composer.Compose(words, withUnsubscribe).To(subscription.Email) with
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe.AbsoluteUri}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
        return sender.SendAsync(message, cancellationToken);
    }

    private string Host => tenant.Current?.PrimaryHost ?? throw new InvalidOperationException("Mailing outside a town.");

    private static CultureInfo Words(Subscription subscription) =>
        CultureInfo.GetCultureInfo(subscription.Culture == Texts.English ? Texts.English : Texts.German);
}
