using System.Globalization;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Pages.Coworking;

/// <summary>Days, times and amenities as residents and staff read them, in the visitor's language.</summary>
internal static class CoworkingWords
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Day(DateOnly day) => day.ToString(English ? "dddd, d MMMM yyyy" : "dddd, d. MMMM yyyy", CultureInfo.CurrentCulture);

    public static string ShortDay(DateOnly day) => day.ToString(English ? "ddd d MMM" : "ddd, d. MMM", CultureInfo.CurrentCulture);

    public static string When(DateTime start, DateTime end) =>
        start.ToString(English ? "dddd, d MMMM yyyy, HH:mm" : "dddd, d. MMMM yyyy, HH:mm", CultureInfo.CurrentCulture) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string WeekdayName(int weekday) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)weekday);

    public static string Money(int cents) => Booking.Money.Format(cents, CultureInfo.CurrentUICulture);

    /// <summary>The amenity text keys a workplace has.</summary>
    public static IEnumerable<string> Amenities(Workplace w)
    {
        if (w.Monitor)
        {
            yield return "coworking.amenity.monitor";
        }
        if (w.StandingDesk)
        {
            yield return "coworking.amenity.standing";
        }
        if (w.QuietZone)
        {
            yield return "coworking.amenity.quiet";
        }
    }

    /// <summary>Free cells joined into ranges: "08:00–12:00".</summary>
    public static IEnumerable<(int From, int To)> FreeRanges(IReadOnlyList<Booking.Cell> cells)
    {
        int? start = null;
        var last = 0;
        foreach (var cell in cells)
        {
            if (cell.State == Booking.CellState.Free)
            {
                start ??= cell.Minute;
                last = cell.Minute + Booking.Spans.Grid;
            }
            else if (start is { } s)
            {
                yield return (s, last);
                start = null;
            }
        }
        if (start is { } open)
        {
            yield return (open, last);
        }
    }
}
