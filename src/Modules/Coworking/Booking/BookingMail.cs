using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Calendar;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.Coworking.Booking;

/// <summary>
/// Mails the resident the booking with an iCalendar entry. Sent after the commit: a failing mail
/// server never loses a booking (it is logged; "Meine Buchungen" shows the booking anyway).
/// </summary>
internal sealed partial class BookingMail(
    MailComposer composer, Texts texts, IMailSender mail, ITenantContext tenant, TownTime time, ILogger<BookingMail> logger)
{
    public async Task SendAsync(BookedDesk booked, string culture, CancellationToken cancellationToken)
    {
        var (booking, workplace, space) = (booked.Booking, booked.Workplace, booked.Space);
        var town = tenant.Current!;
        var words = CultureInfo.GetCultureInfo(culture == Texts.English ? Texts.English : Texts.German);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var start = time.Local(booking.StartUtc);
        var end = time.Local(booking.EndUtc);
        var when = start.ToString(words.Name == Texts.English ? "dddd, d MMMM yyyy, HH:mm" : "dddd, d. MMMM yyyy, HH:mm", words) + "–" + end.ToString("HH:mm", words);
        var place = $"{space.Name}, {space.Street}, {space.PostalCode} {space.City}";
        var paragraphs = new List<string>
        {
            T("coworking.mail.booked", workplace.Name, when, place),
            T("coworking.mail.payment." + booking.Payment, Money.Format(booking.PriceCents, words)),
            T("coworking.mail.cancel", space.CancelHours),
        };
        if (!string.IsNullOrWhiteSpace(space.AccessNotes))
        {
            paragraphs.Insert(1, space.AccessNotes);
        }
        var content = new MailContent(T("coworking.mail.subject", workplace.Name, when), paragraphs)
        {
            Action = new MailAction(T("coworking.mail.mine"), new Uri($"https://{town.PrimaryHost}/coworking/meine")),
        };
        var ics = Calendar(booking.Id, town.PrimaryHost, booking.StartUtc, booking.EndUtc, $"{workplace.Name} – {space.Name} ({town.FullName})", place, space.AccessNotes ?? "");
        var message = composer.Compose(words, content).To(booking.Email, booking.Name) with
        {
            Attachments = [new MailAttachment("coworking.ics", "text/calendar; charset=utf-8; method=PUBLISH", ics)],
        };
        try
        {
            await mail.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, booking.Id, ex);
        }
    }

    /// <summary>The booking as an iCalendar event in UTC (no VTIMEZONE needed; calendars show it in local time).</summary>
    internal static byte[] Calendar(Guid id, string host, DateTime startUtc, DateTime endUtc, string summary, string location, string description)
    {
        var text = new StringBuilder();
        void Line(string value) => IcsText.AppendLine(text, value);
        static string Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Rathausplatz//Coworking//DE");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VEVENT");
        Line($"UID:coworking-{id}@{host}");
        Line($"DTSTAMP:{Utc(startUtc)}");
        Line($"DTSTART:{Utc(startUtc)}");
        Line($"DTEND:{Utc(endUtc)}");
        Line($"SUMMARY:{IcsText.Escape(summary)}");
        Line($"LOCATION:{IcsText.Escape(location)}");
        Line($"DESCRIPTION:{IcsText.Escape(description)}");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [LoggerMessage(LogLevel.Warning, "The confirmation of co-working booking {BookingId} could not be mailed; the booking stands.")]
    private static partial void LogNotSent(ILogger logger, Guid bookingId, Exception exception);
}

/// <summary>Euro amounts as the town writes them ("12,50 €").</summary>
internal static class Money
{
    public static string Format(int cents, CultureInfo culture) =>
        (cents / 100m).ToString("C2", CultureInfo.GetCultureInfo(culture.TwoLetterISOLanguageName == "en" ? "en-IE" : "de-DE"));

    /// <summary>"12,50" or "12.50" or "12" as cents; null when it is no amount.</summary>
    public static int? Parse(string? value)
    {
        var text = (value ?? "").Trim().Replace("€", "", StringComparison.Ordinal).Trim().Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros) && euros is >= 0 and <= 10000 && decimal.Round(euros, 2) == euros
            ? (int)(euros * 100)
            : null;
    }

    public static string Plain(int cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
