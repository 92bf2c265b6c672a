using System.Globalization;
using System.Text;
using Saas.Kernel.Calendar;

namespace Saas.Modules.Appointments.Confirmation;

/// <summary>
/// An appointment as an iCalendar file (RFC 5545) in the town's time zone (TZID with its VTIMEZONE,
/// here the EU rules Germany follows), so calendars show the wall-clock time the town means.
/// </summary>
internal static class CalendarEntry
{
    public static byte[] Create(
        Guid bookingId, string host, DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, string summary, string location, string description, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        void Line(string value) => IcsText.AppendLine(text, value);
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Rathausplatz//Terminbuchung//DE");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VTIMEZONE");
        Line($"TZID:{zone.Id}");
        Line("BEGIN:DAYLIGHT");
        Line("TZOFFSETFROM:+0100");
        Line("TZOFFSETTO:+0200");
        Line("TZNAME:CEST");
        Line("DTSTART:19700329T020000");
        Line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        Line("END:DAYLIGHT");
        Line("BEGIN:STANDARD");
        Line("TZOFFSETFROM:+0200");
        Line("TZOFFSETTO:+0100");
        Line("TZNAME:CET");
        Line("DTSTART:19701025T030000");
        Line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        Line("END:STANDARD");
        Line("END:VTIMEZONE");
        Line("BEGIN:VEVENT");
        Line($"UID:{bookingId}@{host}");
        Line($"DTSTAMP:{stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        Line($"DTSTART;TZID={zone.Id}:{Local(start)}");
        Line($"DTEND;TZID={zone.Id}:{Local(end)}");
        Line($"SUMMARY:{Escape(summary)}");
        Line($"LOCATION:{Escape(location)}");
        Line($"DESCRIPTION:{Escape(description)}");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Escape(string value) => IcsText.Escape(value);
}
