using System.Globalization;

namespace Saas.Kernel.Branding;

/// <summary>WCAG 2.1 contrast ratio (success criteria 1.4.3 and 1.4.11) between two sRGB colours.</summary>
public static class ContrastChecker
{
    /// <summary>Normal text needs 4.5:1.</summary>
    public const double Text = 4.5;

    /// <summary>Large text and user-interface parts need 3:1.</summary>
    public const double LargeTextOrUi = 3.0;

    public static double Ratio(string colorA, string colorB)
    {
        var a = RelativeLuminance(Parse(colorA));
        var b = RelativeLuminance(Parse(colorB));
        var (light, dark) = a > b ? (a, b) : (b, a);
        return (light + 0.05) / (dark + 0.05);
    }

    /// <summary>Black or white, whichever reads better on <paramref name="background"/>.</summary>
    public static string ReadableOn(string background) =>
        Ratio(background, "#ffffff") >= Ratio(background, "#000000") ? "#ffffff" : "#000000";

    public static bool TryParse(string? color, out (byte R, byte G, byte B) rgb)
    {
        rgb = default;
        if (color is not { Length: 7 } || color[0] != '#')
        {
            return false;
        }
        // AllowHexSpecifier only: NumberStyles.HexNumber would also accept "# 1f4e7" (leading or trailing blanks).
        if (!int.TryParse(color.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        rgb = ((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    private static (byte R, byte G, byte B) Parse(string color) =>
        TryParse(color, out var rgb) ? rgb : throw new FormatException($"'{color}' is not a colour of the form #rrggbb.");

    private static double RelativeLuminance((byte R, byte G, byte B) c) =>
        (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));

    private static double Channel(byte value)
    {
        var s = value / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
