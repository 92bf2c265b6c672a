using System.Globalization;

namespace Saas.Modules.Appointments.Admin;

/// <summary>Turns what staff typed into clean values: trimmed text without control characters, whole numbers, times, dates.</summary>
internal static class FormText
{
    public static string Clean(string? value, bool multiLine = false) =>
        new string((value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Select(c => char.IsControl(c) && !(multiLine && c == '\n') ? ' ' : c).ToArray()).Trim();

    public static int? Number(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>"08:30" as minutes after midnight; "24:00" is the end of the day.</summary>
    public static int? Minute(string? value) =>
        value?.Trim() == "24:00" ? 1440
        : TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t.Hour * 60) + t.Minute
        : null;

    public static string Time(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is > 2000 and < 2200 ? d : null;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
