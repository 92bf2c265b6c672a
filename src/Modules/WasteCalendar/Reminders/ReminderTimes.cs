namespace Saas.Modules.WasteCalendar.Reminders;

/// <summary>
/// The times a resident may choose: evenings before, mornings of the collection. A fixed list keeps
/// the form a simple choice and matches the job's ten-minute beat.
/// </summary>
internal static class ReminderTimes
{
    public static readonly IReadOnlyList<int> Evening = [17 * 60, 18 * 60, 19 * 60, 20 * 60, 21 * 60];
    public static readonly IReadOnlyList<int> Morning = [5 * 60, (5 * 60) + 30, 6 * 60, (6 * 60) + 30, 7 * 60];

    /// <summary>Parses "abend-1080" / "morgen-390" as posted by the form.</summary>
    public static (bool Evening, int Minute)? Parse(string? value)
    {
        var parts = (value ?? "").Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minute))
        {
            return null;
        }
        return parts[0] switch
        {
            "abend" when Evening.Contains(minute) => (true, minute),
            "morgen" when Morning.Contains(minute) => (false, minute),
            _ => null,
        };
    }

    public static string Value(bool evening, int minute) => $"{(evening ? "abend" : "morgen")}-{minute}";

    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
