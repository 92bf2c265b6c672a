using System.Buffers;
using System.Text;

namespace Saas.Kernel.Media;

/// <summary>Tells the format from magic bytes: a PNG named <c>.jpg</c> is a PNG, an HTML page named <c>.png</c> is no image.</summary>
internal static class ImageSniffer
{
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly SearchValues<byte> NameEnd = SearchValues.Create(" \t\r\n/>"u8);

    private static ReadOnlySpan<byte> JxlBox => [(byte)'J', (byte)'X', (byte)'L', (byte)' ', 0x0D, 0x0A, 0x87, 0x0A];

    public static ImageFormat Detect(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith(Png))
        {
            return ImageFormat.Png;
        }
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.Webp;
        }
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || (b.Length >= 12 && b[4..12].SequenceEqual(JxlBox)))
        {
            return ImageFormat.JpegXl;
        }
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoBrand(b[8..12]);
        }
        if (b.StartsWith("8BPS"u8))
        {
            return ImageFormat.Psd;
        }
        if (b.StartsWith((ReadOnlySpan<byte>)[0, 0, 1, 0]))
        {
            return ImageFormat.Ico;
        }
        // "BM" is also how plenty of text starts, so check the header's reserved zeros as well.
        if (b.Length >= 14 && b.StartsWith("BM"u8) && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0)
        {
            return ImageFormat.Bmp;
        }
        return FirstElementIsSvg(b) ? ImageFormat.Svg : ImageFormat.Unknown;
    }

    private static ImageFormat IsoBrand(ReadOnlySpan<byte> brand)
    {
        if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
        {
            return ImageFormat.Avif;
        }
        return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8)
            || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8)
            ? ImageFormat.Heic
            : ImageFormat.Unknown; // an MP4 video, for instance
    }

    /// <summary>
    /// True when the first element in the first 4 KB is <c>&lt;svg&gt;</c> (any prefix), after the XML
    /// declaration, comments and a DOCTYPE. An HTML page with an inline SVG stays "unknown".
    /// </summary>
    private static bool FirstElementIsSvg(ReadOnlySpan<byte> b)
    {
        var text = b[..Math.Min(b.Length, 4096)];
        int at;
        while ((at = text.IndexOf((byte)'<')) >= 0 && at + 1 < text.Length)
        {
            text = text[(at + 1)..];
            if (text[0] is (byte)'?' or (byte)'!')
            {
                continue;
            }
            var end = text.IndexOfAny(NameEnd);
            var name = Encoding.ASCII.GetString(end < 0 ? text : text[..end]);
            return name == "svg" || name.EndsWith(":svg", StringComparison.Ordinal);
        }
        return false;
    }
}
