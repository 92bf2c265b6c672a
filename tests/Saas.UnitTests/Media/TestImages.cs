using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Saas.UnitTests.Media;

/// <summary>Images made in code (Skia encodes them), and the byte surgery that turns them into hostile uploads.</summary>
internal static class TestImages
{
    /// <summary>Four quadrants (red, green / blue, white) so a turned image is told from an upright one.</summary>
    public static SKBitmap Quadrants(int width, int height, byte alpha = 255)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var color = (x < width / 2, y < height / 2) switch
                {
                    (true, true) => new SKColor(255, 0, 0, alpha),
                    (false, true) => new SKColor(0, 255, 0, alpha),
                    (true, false) => new SKColor(0, 0, 255, alpha),
                    _ => new SKColor(255, 255, 255, alpha),
                };
                bitmap.SetPixel(x, y, color);
            }
        }
        return bitmap;
    }

    public static byte[] Png(int width, int height, byte alpha = 255) => Encode(width, height, SKEncodedImageFormat.Png, 100, alpha);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg, 92);

    public static byte[] Webp(int width, int height, bool lossless = false)
    {
        using var bitmap = Quadrants(width, height);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, 90));
        return data?.ToArray() ?? throw new InvalidOperationException("Skia could not encode WebP.");
    }

    /// <summary>A PNG with one more chunk right after IHDR, with a correct CRC so a decoder does not drop it for that.</summary>
    public static byte[] WithPngChunk(byte[] png, string type, byte[] data)
    {
        const int afterIhdr = 8 + 25;
        return [.. png.AsSpan(0, afterIhdr), .. Chunk(type, data), .. png.AsSpan(afterIhdr)];
    }

    /// <summary>A JPEG with one more marker segment right after SOI.</summary>
    public static byte[] WithJpegSegment(byte[] jpeg, byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>An EXIF APP1 payload (big-endian TIFF) with an orientation and an ImageDescription text.</summary>
    public static byte[] Exif(ushort orientation, string description)
    {
        var text = Encoding.ASCII.GetBytes(description + "\0");
        var tiff = new byte[8 + 2 + (2 * 12) + 4 + text.Length];
        "MM\0*"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2);
        var entry = tiff.AsSpan(10);
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x010E); // ImageDescription, ASCII, stored after the IFD
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 2);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)text.Length);
        BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)(tiff.Length - text.Length));
        entry = tiff.AsSpan(22);
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x0112); // Orientation, SHORT, inline
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(entry[8..], orientation);
        text.CopyTo(tiff, tiff.Length - text.Length);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    /// <summary>A PNG header that claims any size, followed by a tiny IDAT and IEND: the classic pixel flood.</summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    /// <summary>An indexed-colour PNG (palette of two, as optimisers write logos), built by hand: Skia only writes RGBA.</summary>
    public static byte[] PalettePng(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 3; // palette
        var rows = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            rows.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                rows.WriteByte(x < width / 2 ? (byte)0 : (byte)1);
            }
        }
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows.ToArray());
        }
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Chunk("IHDR", ihdr), .. Chunk("PLTE", [0x1F, 0x4E, 0x79, 0xE0, 0xB4, 0x22]), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A greyscale JPEG (one component), as scanners write.</summary>
    public static byte[] GreyJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(128, 128, 128));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>Decodes with Skia, as a browser would: proves the output is a real image of that size.</summary>
    public static (SKEncodedImageFormat Format, int Width, int Height) Inspect(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        Assert.NotNull(codec);
        using var bitmap = SKBitmap.Decode(image);
        Assert.NotNull(bitmap);
        return (codec.EncodedFormat, codec.Info.Width, codec.Info.Height);
    }

    public static SKColor PixelAt(byte[] image, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(image);
        return bitmap.GetPixel(x, y);
    }

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality, byte alpha = 255)
    {
        using var bitmap = Quadrants(width, height, alpha);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
