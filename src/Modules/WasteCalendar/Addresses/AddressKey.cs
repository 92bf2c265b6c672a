using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Saas.Modules.WasteCalendar.Addresses;

/// <summary>
/// The comparable form of a street name: what residents type ("Muehlenweg", "Schulstr.",
/// "Strasse") and what the town wrote ("Mühlenweg", "Schulstraße") meet in one spelling.
/// </summary>
internal static partial class AddressKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                default:
                    if (char.IsLetterOrDigit(c))
                    {
                        builder.Append(RemoveAccent(c));
                    }
                    else if (c == '.')
                    {
                        builder.Append('.');
                    }
                    break;
            }
        }
        // "Straße", "Strasse", "Strase", "Str." and "Str" are one word to a resident.
        return StreetWord().Replace(builder.ToString(), "str").Replace(".", "", StringComparison.Ordinal);
    }

    private static char RemoveAccent(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                return part;
            }
        }
        return c;
    }

    /// <summary>Optimal string alignment distance (a swap of two letters counts once), stopping early past <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }

    /// <summary>Umlauts written without the e ("Muhlenweg"): the looser form both sides are compared in when the strict one fails.</summary>
    public static string Loose(string key) =>
        key.Replace("ae", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal).Replace("ue", "u", StringComparison.Ordinal);

    [GeneratedRegex(@"stra?s+e|str\.")]
    private static partial Regex StreetWord();
}
