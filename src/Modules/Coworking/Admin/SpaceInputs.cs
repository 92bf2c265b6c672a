using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Admin;

/// <summary>The space form as typed.</summary>
internal sealed class SpaceInput
{
    public string? Name { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? AccessNotes { get; set; }
    public string? HouseRules { get; set; }
    public string? CancelHours { get; set; }
    public string? PassPrice { get; set; }

    /// <summary>Opening and closing time per weekday (index = <see cref="DayOfWeek"/>); both empty: closed.</summary>
    public string?[] Opens { get; set; } = new string?[7];
    public string?[] Closes { get; set; } = new string?[7];

    public static SpaceInput Of(Space space, IEnumerable<SpaceHours> hours)
    {
        var input = new SpaceInput
        {
            Name = space.Name, Street = space.Street, PostalCode = space.PostalCode, City = space.City, AccessNotes = space.AccessNotes,
            HouseRules = space.HouseRules, CancelHours = space.CancelHours.ToString(System.Globalization.CultureInfo.InvariantCulture), PassPrice = Money.Plain(space.PassCents),
        };
        foreach (var h in hours)
        {
            input.Opens[h.Weekday] = BookingInput.Time(h.OpensMinute);
            input.Closes[h.Weekday] = BookingInput.Time(h.ClosesMinute);
        }
        return input;
    }
}

/// <summary>The desk or room form as typed.</summary>
internal sealed class WorkplaceInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Capacity { get; set; }
    public bool Monitor { get; set; }
    public bool StandingDesk { get; set; }
    public bool QuietZone { get; set; }
    public string? HourPrice { get; set; }
    public string? HalfDayPrice { get; set; }
    public string? DayPrice { get; set; }
}

/// <summary>Turns what staff typed into clean values: trimmed text without control characters or markup.</summary>
internal static class FormText
{
    public static string Clean(string? value, bool multiLine = false) =>
        new string((value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Select(c => char.IsControl(c) && !(multiLine && c == '\n') ? ' ' : c).ToArray()).Trim();

    /// <summary>Staff text is plain text: angle brackets (markup, scripts) are refused rather than stored.</summary>
    public static bool HasMarkup(string value) => value.Contains('<', StringComparison.Ordinal) || value.Contains('>', StringComparison.Ordinal);
}
