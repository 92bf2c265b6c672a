using System.Text;
using Saas.Modules.Appointments.Confirmation;

namespace Saas.UnitTests.Appointments;

public sealed class CalendarEntryTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static string Create(string summary, DateTimeOffset start) => Encoding.UTF8.GetString(CalendarEntry.Create(
        Guid.Parse("01a24d23-f21d-77ba-b7f0-05952eaeb41a"), "bad-belzig.example", start, start.AddMinutes(30),
        new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero), summary, "Rathaus, Markt 1", "Ausweis mitbringen", Berlin));

    [Fact]
    public void A_summer_appointment_is_written_in_town_time_with_the_zone_and_utf8_lines_folded_under_75_octets()
    {
        var summary = string.Concat(Enumerable.Repeat("Führungszeugnis; Ärger, Öl ", 6));

        var text = Create(summary, new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero));

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260701T090000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20260701T093000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("UID:01a24d23-f21d-77ba-b7f0-05952eaeb41a@bad-belzig.example\r\n", text, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Berlin\r\n", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + summary.Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal) + "\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Rathaus\\, Markt 1\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void A_winter_appointment_keeps_its_wall_clock_time()
    {
        var text = Create("Anmeldung", new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero));

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261208T090000\r\n", text, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", text, StringComparison.Ordinal);
    }
}
