using System.Text.RegularExpressions;

namespace Saas.Modules.WasteCalendar.Data;

/// <summary>What a waste type must satisfy, shared by recipe, staff pages and import.</summary>
internal static partial class WasteTypeRules
{
    public const int NameMax = 80;

    public static bool IsColour(string? value) => value is not null && Colour().IsMatch(value);

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex Colour();
}
