using System.Text;

namespace Saas.Kernel.Calendar;

/// <summary>
/// The two text rules every iCalendar file (RFC 5545) the platform writes must follow: TEXT values
/// escaped (section 3.3.11) and content lines folded before 75 octets (section 3.1), never inside a
/// UTF-8 sequence. Shared by the appointment confirmations and the waste calendar feeds.
/// </summary>
public static class IcsText
{
    /// <summary>Escapes backslash, semicolon, comma and line breaks of a TEXT value.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Appends one content line, folded at 75 octets of UTF-8 (a continuation starts with a space), ending in CRLF.</summary>
    public static void AppendLine(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1; // the leading space counts
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
