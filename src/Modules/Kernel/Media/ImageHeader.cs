using System.Buffers.Binary;

namespace Saas.Kernel.Media;

/// <summary>
/// Width and height as the file's header declares them, read before any decoder sees the file:
/// a 1 KB PNG that claims 50000 × 50000 pixels is refused without allocating its 10 GB.
/// </summary>
internal readonly record struct ImageHeader(long Width, long Height, bool Lossless)
{
    public long Pixels => Width * Height;

    /// <summary>False when the header is missing, cut short or declares an empty image.</summary>
    public static bool TryRead(ImageFormat format, ReadOnlySpan<byte> b, out ImageHeader header)
    {
        header = default;
        var found = format switch
        {
            ImageFormat.Png => TryPng(b, out header),
            ImageFormat.Jpeg => TryJpeg(b, out header),
            ImageFormat.Webp => TryWebp(b, out header),
            _ => false,
        };
        return found && header.Width > 0 && header.Height > 0;
    }

    /// <summary>The IHDR chunk must come first, right after the signature.</summary>
    private static bool TryPng(ReadOnlySpan<byte> b, out ImageHeader header)
    {
        header = default;
        if (b.Length < 24 || BinaryPrimitives.ReadUInt32BigEndian(b[8..]) != 13 || !b[12..16].SequenceEqual("IHDR"u8))
        {
            return false;
        }
        header = new ImageHeader(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]), Lossless: true);
        return true;
    }

    /// <summary>Walks the marker segments up to the first frame header (SOFn); a scan before any frame is corrupt.</summary>
    private static bool TryJpeg(ReadOnlySpan<byte> b, out ImageHeader header)
    {
        header = default;
        var i = 2;
        while (i + 1 < b.Length)
        {
            if (b[i] != 0xFF)
            {
                return false;
            }
            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte before a marker
                continue;
            }
            i += 2;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                continue; // markers without a length
            }
            if (marker is 0xD9 or 0xDA || i + 2 > b.Length)
            {
                return false;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[i..]);
            if (length < 2)
            {
                return false;
            }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7 || i + 7 > b.Length)
                {
                    return false;
                }
                // Precision (1 byte), then height and width. Height 0 (defined later by a DNL marker) stays 0 and is refused.
                header = new ImageHeader(BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 3)..]), Lossless: false);
                return true;
            }
            i += length;
        }
        return false;
    }

    /// <summary>The first RIFF chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size).</summary>
    private static bool TryWebp(ReadOnlySpan<byte> b, out ImageHeader header)
    {
        header = default;
        if (b.Length < 30)
        {
            return false;
        }
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (b[23] != 0x9D || b[24] != 0x01 || b[25] != 0x2A)
            {
                return false;
            }
            header = new ImageHeader(BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF, Lossless: false);
            return true;
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (b[20] != 0x2F)
            {
                return false;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            header = new ImageHeader((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, Lossless: true);
            return true;
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
            var height = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
            header = new ImageHeader(width, height, WebpHasLosslessData(b));
            return true;
        }
        return false;
    }

    /// <summary>In an extended WebP, whether the image data chunk is VP8L; decides lossless or lossy re-encoding.</summary>
    private static bool WebpHasLosslessData(ReadOnlySpan<byte> b)
    {
        var at = 12;
        for (var chunks = 0; chunks < 64 && at + 8 <= b.Length; chunks++)
        {
            var name = b.Slice(at, 4);
            if (name.SequenceEqual("VP8L"u8))
            {
                return true;
            }
            if (name.SequenceEqual("VP8 "u8))
            {
                return false;
            }
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b[(at + 4)..]);
            if (size > int.MaxValue - 9 - at)
            {
                break;
            }
            at += 8 + (int)size + (int)(size & 1);
        }
        return false;
    }
}
