using System.Text;

namespace Saas.Modules.Jobs.Applications;

/// <summary>
/// Decides from the bytes, never from the name or the browser's content type, whether a file is a PDF
/// staff can open: the <c>%PDF-</c> header at the start, a <c>%%EOF</c> trailer at the end, a cross-reference
/// to find it by, and no encryption (staff could not read it, and a password-protected file hides its content
/// from every check). Returns the text key of the problem, or null.
/// </summary>
internal static class PdfCheck
{
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] Trailer = "%%EOF"u8.ToArray();

    public static string? Problem(ReadOnlySpan<byte> file)
    {
        if (file.Length == 0)
        {
            return "jobs.apply.error.file.empty";
        }
        if (file.Length > MaxBytes)
        {
            return "jobs.apply.error.file.size";
        }
        // The specification allows the header within the first 1024 bytes; we ask for it at the very start, as every real writer puts it.
        if (!file.StartsWith(Header) || file.Length < 16 || !char.IsAsciiDigit((char)file[5]))
        {
            return "jobs.apply.error.file.type";
        }
        // The trailer sits in the last 1024 bytes, followed at most by line ends and blanks.
        var tail = file[Math.Max(0, file.Length - 1024)..];
        var eof = tail.LastIndexOf(Trailer);
        if (eof < 0 || !IsBlank(tail[(eof + Trailer.Length)..]))
        {
            return "jobs.apply.error.file.malformed";
        }
        var text = Encoding.Latin1.GetString(file);
        if (!text.Contains("startxref", StringComparison.Ordinal) || !text.Contains("obj", StringComparison.Ordinal))
        {
            return "jobs.apply.error.file.malformed";
        }
        if (text.Contains("/Encrypt", StringComparison.Ordinal))
        {
            return "jobs.apply.error.file.encrypted";
        }
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0))
            {
                return false;
            }
        }
        return true;
    }
}
