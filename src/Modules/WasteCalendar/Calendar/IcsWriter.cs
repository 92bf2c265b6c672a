using System.Globalization;
using System.Text;
using Saas.Kernel.Calendar;

namespace Saas.Modules.WasteCalendar.Calendar;

/// <summary>
/// Writes an area's collections as an RFC 5545 calendar: all-day events (<c>VALUE=DATE</c>, end the
/// next day), UIDs that stay the same for the same collection on every download (calendars update
/// instead of doubling); escaping and folding by <see cref="IcsText"/>.
/// </summary>
internal static class IcsWriter
{
    public static string Write(string calendarName, string uidDomain, Guid areaId, IReadOnlyList<CollectionDay> collections, DateTimeOffset stamp)
    {
        var text = new StringBuilder(256 + (collections.Count * 220));
        var dtStamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Rathausplatz//Abfallkalender//DE");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(calendarName));
        Line(text, "X-WR-TIMEZONE:Europe/Berlin");
        // Ask subscribed calendars to look again twice a day; dates rarely change more often.
        Line(text, "REFRESH-INTERVAL;VALUE=DURATION:PT12H");
        Line(text, "X-PUBLISHED-TTL:PT12H");
        foreach (var c in collections)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{Uid(c, areaId, uidDomain)}");
            Line(text, "DTSTAMP:" + dtStamp);
            Line(text, "DTSTART;VALUE=DATE:" + Date(c.Day));
            Line(text, "DTEND;VALUE=DATE:" + Date(c.Day.AddDays(1)));
            Line(text, "SUMMARY:" + Escape(c.Type.Name));
            Line(text, "CATEGORIES:" + Escape(c.Type.Name));
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "END:VEVENT");
        }
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>Date, type and area make a collection; so they make its UID.</summary>
    public static string Uid(CollectionDay c, Guid areaId, string domain) =>
        $"{Date(c.Day)}-{c.Type.Id:N}-{areaId:N}@{domain}";

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => IcsText.AppendLine(text, line);

    private static string Escape(string value) => IcsText.Escape(value);
}
