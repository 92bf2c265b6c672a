using System.Globalization;
using System.Text;

namespace Saas.Kernel.Media;

/// <summary>
/// The name the browser sent, made fit to show in a message: no folders, no control or bidi
/// characters (U+202E turns "gpj.exe" into "exe.jpg" on screen), at most 100 characters. It is
/// never used to decide anything.
/// </summary>
internal static class ClientFileName
{
    private const int MaxLength = 100;

    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var last = name.AsSpan()[(name.AsSpan().LastIndexOfAny('/', '\\') + 1)..];
        var text = new StringBuilder(Math.Min(last.Length, MaxLength));
        foreach (var rune in last.EnumerateRunes())
        {
            if (text.Length + rune.Utf16SequenceLength > MaxLength)
            {
                break;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
            {
                text.Append(rune.ToString());
            }
        }
        var cleaned = text.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
