using Saas.Kernel.Calendar;

namespace Saas.Modules.WasteCalendar.Rules;

/// <summary>One exception of a rule: the regular date skipped (<paramref name="MovedTo"/> null) or moved.</summary>
internal sealed record RuleDateException(DateOnly Day, DateOnly? MovedTo);

/// <summary>
/// The dates a recurring rule gives: every <c>everyWeeks</c> weeks on its weekday from the first
/// such weekday on or after the start, up to the end. A date on a public holiday of the town's
/// federal state (Kernel <see cref="PublicHolidays"/>, the same the appointments use) moves to the
/// next working day (Monday to Saturday, not a holiday), as German collection schedules do.
/// An exception names a regular date (or the date it was shifted to) and skips or moves it; a
/// moved exception is taken as staff wrote it, holiday or not.
/// </summary>
internal static class RuleDates
{
    public static IReadOnlyList<DateOnly> Of(
        DayOfWeek weekday, int everyWeeks, DateOnly starts, DateOnly ends, string? federalState, IReadOnlyList<RuleDateException> exceptions)
    {
        var holidays = new Dictionary<int, IReadOnlyDictionary<DateOnly, string>>();
        bool IsHoliday(DateOnly day)
        {
            if (!holidays.TryGetValue(day.Year, out var year))
            {
                holidays[day.Year] = year = PublicHolidays.For(day.Year, federalState);
            }
            return year.ContainsKey(day);
        }
        var byDay = exceptions.GroupBy(e => e.Day).ToDictionary(g => g.Key, g => g.First());
        var first = starts.AddDays(((int)weekday - (int)starts.DayOfWeek + 7) % 7);
        var dates = new SortedSet<DateOnly>();
        for (var regular = first; regular <= ends; regular = regular.AddDays(7 * everyWeeks))
        {
            var shifted = regular;
            while (shifted.DayOfWeek == DayOfWeek.Sunday || IsHoliday(shifted))
            {
                shifted = shifted.AddDays(1);
            }
            if (byDay.TryGetValue(regular, out var exception) || byDay.TryGetValue(shifted, out exception))
            {
                if (exception.MovedTo is { } moved)
                {
                    dates.Add(moved);
                }
                continue;
            }
            dates.Add(shifted);
        }
        return [.. dates];
    }
}
