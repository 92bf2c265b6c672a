using System.Text;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.UnitTests.WasteCalendar;

public sealed class IcsWriterTests
{
    private static readonly WasteType Paper = new() { Id = Guid.Parse("01900000-0000-7000-8000-000000000001"), Name = "Papier, Pappe; Kartons\\Verpackung", Colour = "#1f5fbf", Icon = "papier" };
    private static readonly Guid Area = Guid.Parse("01900000-0000-7000-8000-0000000000aa");

    private static string Write(params DateOnly[] days) =>
        IcsWriter.Write("Abfallkalender Wiesenburg/Mark – Schmerwitz, Jeserig und Medewitz mit einem sehr langen Namen", "wiesenburg-mark.example",
            Area, [.. days.Select(d => new CollectionDay(d, Paper))], new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Every_line_ends_in_crlf_and_no_line_is_longer_than_75_octets()
    {
        var ics = Write(new DateOnly(2027, 1, 5));

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' ')); // the long name really was folded
    }

    [Fact]
    public void Unfolded_the_events_are_all_day_with_escaped_text_and_a_uid_from_date_type_and_area()
    {
        var unfolded = Write(new DateOnly(2027, 1, 5), new DateOnly(2027, 2, 2)).Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains("X-WR-CALNAME:Abfallkalender Wiesenburg/Mark – Schmerwitz\\, Jeserig und Medewitz mit einem sehr langen Namen\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270105\r\nDTEND;VALUE=DATE:20270106\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Papier\\, Pappe\\; Kartons\\\\Verpackung\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"UID:20270202-{Paper.Id:N}-{Area:N}@wiesenburg-mark.example\r\n", unfolded, StringComparison.Ordinal);
        Assert.Equal(2, unfolded.Split("DTSTAMP:20261207T060000Z\r\n").Length - 1);
    }
}
