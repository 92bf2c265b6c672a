using System.Text;

namespace Saas.Modules.WasteCalendar.Import;

/// <summary>
/// Turns an uploaded file into text whatever the county's export used: UTF-8 with or without BOM,
/// or Windows-1252 (what Excel on a German Windows writes as "CSV").
/// </summary>
internal static class ImportText
{
    /// <summary>Larger files are refused before they are read.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return StrictUtf8.GetString(bytes[3..]);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: every byte sequence is valid Windows-1252, so this cannot fail.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}
