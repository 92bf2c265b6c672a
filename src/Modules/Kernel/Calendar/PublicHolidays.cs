namespace Saas.Kernel.Calendar;

/// <summary>
/// German public holidays, computed for any year (never a per-year list to forget): the fixed days,
/// and the movable ones from Easter Sunday. Per federal state by its ISO 3166-2:DE code (BB, BY, ...);
/// regional holidays that only part of a state keeps (Augsburger Friedensfest, Mariä Himmelfahrt in
/// Bavarian Catholic municipalities) are left out: a town there adds them as closed days.
/// </summary>
public static class PublicHolidays
{
    private static readonly HashSet<string> States = new(StringComparer.Ordinal)
    {
        "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
    };

    public static bool IsKnownState(string? state) => state is not null && States.Contains(state);

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher, after Gauss).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The holidays of <paramref name="year"/> in <paramref name="state"/> (null or unknown: the nationwide ones).</summary>
    public static IReadOnlyDictionary<DateOnly, string> For(int year, string? state)
    {
        var easter = EasterSunday(year);
        var days = new Dictionary<DateOnly, string>
        {
            [new(year, 1, 1)] = "Neujahr",
            [easter.AddDays(-2)] = "Karfreitag",
            [easter.AddDays(1)] = "Ostermontag",
            [new(year, 5, 1)] = "Tag der Arbeit",
            [easter.AddDays(39)] = "Christi Himmelfahrt",
            [easter.AddDays(50)] = "Pfingstmontag",
            [new(year, 10, 3)] = "Tag der Deutschen Einheit",
            [new(year, 12, 25)] = "1. Weihnachtstag",
            [new(year, 12, 26)] = "2. Weihnachtstag",
        };
        void Add(bool applies, DateOnly day, string name)
        {
            if (applies)
            {
                days[day] = name;
            }
        }
        bool In(params string[] states) => state is not null && states.Contains(state, StringComparer.Ordinal);

        Add(In("BW", "BY", "ST"), new(year, 1, 6), "Heilige Drei Könige");
        Add((In("BE") && year >= 2019) || (In("MV") && year >= 2023), new(year, 3, 8), "Internationaler Frauentag");
        // Brandenburg keeps Easter and Whit Sunday as statutory holidays (FTG Bbg § 2).
        Add(In("BB"), easter, "Ostersonntag");
        Add(In("BB"), easter.AddDays(49), "Pfingstsonntag");
        Add(In("BW", "BY", "HE", "NW", "RP", "SL"), easter.AddDays(60), "Fronleichnam");
        Add(In("SL"), new(year, 8, 15), "Mariä Himmelfahrt");
        Add(In("TH") && year >= 2019, new(year, 9, 20), "Weltkindertag");
        Add(In("BB", "MV", "SN", "ST", "TH") || (In("HB", "HH", "NI", "SH") && year >= 2018) || year == 2017, new(year, 10, 31), "Reformationstag");
        Add(In("BW", "BY", "NW", "RP", "SL"), new(year, 11, 1), "Allerheiligen");
        Add(In("SN"), RepentanceDay(year), "Buß- und Bettag");
        return days;
    }

    /// <summary>The Wednesday before 23 November.</summary>
    private static DateOnly RepentanceDay(int year)
    {
        var day = new DateOnly(year, 11, 22);
        while (day.DayOfWeek != DayOfWeek.Wednesday)
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}
