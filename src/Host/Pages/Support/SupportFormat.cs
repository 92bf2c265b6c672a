using System.Globalization;

namespace Saas.Host.Pages.Support;

/// <summary>How the console writes sizes and times (German style; times in Europe/Berlin, where support sits).</summary>
internal static class SupportFormat
{
    private static readonly TimeZoneInfo Berlin = Find("Europe/Berlin");

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} KB", bytes / 1024d),
        < 1024L * 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (1024d * 1024)),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:0.##} GB", bytes / (1024d * 1024 * 1024)),
    };

    public static string Time(DateTime? utc, string none) => utc is { } value && value > DateTime.MinValue
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Berlin).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)
        : none;

    public static string Time(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Berlin).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Berlin).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
