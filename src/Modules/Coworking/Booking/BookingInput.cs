using System.Globalization;

namespace Saas.Modules.Coworking.Booking;

/// <summary>The booking form as typed; every field is checked by <see cref="DeskBooker"/>.</summary>
internal sealed class BookingInput
{
    public string? Workplace { get; set; }
    public string? Day { get; set; }

    /// <summary>"hours", "morning", "afternoon" or "day".</summary>
    public string? Span { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    /// <summary>"on-site", "invoice" or "pass".</summary>
    public string? Payment { get; set; }
    public bool Rules { get; set; }

    public Guid? WorkplaceId => Guid.TryParse(Workplace, out var id) ? id : null;

    public DateOnly? DayValue =>
        DateOnly.TryParseExact(Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is > 2000 and < 2200 ? d : null;

    public static int? Minute(string? value) =>
        value?.Trim() == "24:00" ? 1440
        : TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t.Hour * 60) + t.Minute
        : null;

    public static string Time(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}

/// <summary>The spans a day can be booked in.</summary>
internal static class Spans
{
    public const string Hours = "hours";
    public const string Morning = "morning";
    public const string Afternoon = "afternoon";
    public const string Day = "day";

    /// <summary>Half days meet at 13:00: a space open across it can be booked by morning or afternoon.</summary>
    public const int Noon = 13 * 60;

    /// <summary>Hours are booked on a half-hour grid.</summary>
    public const int Grid = 30;

    public static IReadOnlyList<string> All { get; } = [Hours, Morning, Afternoon, Day];

    /// <summary>The local minutes a span covers on a day open <paramref name="opens"/>–<paramref name="closes"/>; null when it cannot be booked.</summary>
    public static (int From, int To)? Range(string span, int opens, int closes, int? from, int? to) => span switch
    {
        Day => (opens, closes),
        Morning when opens < Noon && Noon < closes => (opens, Noon),
        Afternoon when opens < Noon && Noon < closes => (Noon, closes),
        Hours when from is { } f && to is { } t => (f, t),
        _ => null,
    };
}
