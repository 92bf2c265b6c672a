using System.Buffers.Binary;
using System.Text;
using Saas.Kernel.Media;
using static Saas.UnitTests.Media.TestImages;

namespace Saas.UnitTests.Media;

/// <summary>Bad uploads: each is refused with its own code, never an exception, and nothing of it is kept.</summary>
public sealed class ImageRefusalTests
{
    private static readonly ImageSanitizer Sanitizer = new();

    private static MediaResult<SanitizedImage> Sanitize(byte[] upload, string? name = "upload.png", ImageSanitizer? sanitizer = null) =>
        (sanitizer ?? Sanitizer).SanitizeAsync(new MemoryStream(upload), name).GetAwaiter().GetResult();

    private static MediaProblem Refused(byte[] upload, MediaError expected, ImageSanitizer? sanitizer = null)
    {
        var result = Sanitize(upload, sanitizer: sanitizer);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal(expected, result.Error);
        return result.Problem;
    }

    [Fact]
    public void An_empty_file_is_refused() => Refused([], MediaError.Empty);

    [Fact]
    public void One_byte_over_2_MiB_is_refused()
    {
        var upload = new byte[(2 * 1024 * 1024) + 1];
        Png(16, 16).CopyTo(upload, 0);

        var problem = Refused(upload, MediaError.TooLarge);

        Assert.Equal([2.0], problem.Arguments);
    }

    [Fact]
    public async Task An_endless_upload_is_read_only_to_one_byte_past_the_limit()
    {
        var stream = new EndlessStream(Png(16, 16));

        var result = await Sanitizer.SanitizeAsync(stream, "endless.png");

        Assert.Equal(MediaError.TooLarge, result.Error);
        Assert.Equal(Sanitizer.Options.MaxBytes + 1, stream.Served);
    }

    [Fact]
    public void A_side_of_4097_pixels_is_refused()
    {
        var problem = Refused(Png(4097, 1), MediaError.DimensionsTooLarge);

        Assert.Equal([4096, 4097L, 1L], problem.Arguments);
        Refused(Png(1, 4097), MediaError.DimensionsTooLarge);
    }

    [Theory]
    [InlineData(50_000u, 50_000u)]
    [InlineData(uint.MaxValue, uint.MaxValue)]
    [InlineData(1u, 0x7FFF_FFFFu)]
    public void A_PNG_pixel_flood_is_refused_from_its_header_without_allocating(uint width, uint height)
    {
        var upload = PngClaiming(width, height);
        Assert.True(upload.Length < 1024);
        Sanitize(Png(8, 8)); // warm up, so one-time setup does not count

        var before = GC.GetAllocatedBytesForCurrentThread();
        var problem = Refused(upload, MediaError.DimensionsTooLarge);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal([4096, (long)width, (long)height], problem.Arguments);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_JPEG_pixel_flood_is_refused_from_its_frame_header()
    {
        var jpeg = Jpeg(16, 16);
        var sof = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 65_000); // height
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 65_000); // width

        Refused(jpeg, MediaError.DimensionsTooLarge);
    }

    [Fact]
    public void A_WebP_pixel_flood_is_refused_from_its_canvas_header()
    {
        byte[] upload = [.. "RIFF"u8, 0x40, 0, 0, 0, .. "WEBPVP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. new byte[32]];

        var problem = Refused(upload, MediaError.DimensionsTooLarge);

        Assert.Equal([4096, 16_777_216L, 16_777_216L], problem.Arguments);
    }

    [Fact]
    public void More_pixels_than_allowed_is_refused_even_within_the_side_limit()
    {
        using var strict = new ImageSanitizer(new ImageSanitizerOptions { MaxPixels = 1_000_000 });

        var problem = Refused(PngClaiming(2000, 2000), MediaError.TooManyPixels, strict);

        Assert.Equal([1.0, 4.0], problem.Arguments);
    }

    [Theory]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000", "GIF")]
    [InlineData("GIF87a\u0001\u0000\u0001\u0000", "GIF")]
    [InlineData("BM\u003a\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0036\u0000\u0000\u0000", "BMP")]
    [InlineData("II*\u0000\u0008\u0000\u0000\u0000", "TIFF")]
    [InlineData("MM\u0000*\u0000\u0000\u0000\u0008", "TIFF")]
    [InlineData("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000", "HEIC")]
    [InlineData("\u0000\u0000\u0000\u0018ftypmif1\u0000\u0000\u0000\u0000", "HEIC")]
    [InlineData("\u0000\u0000\u0000\u001cftypavif\u0000\u0000\u0000\u0000", "AVIF")]
    [InlineData("\u0000\u0000\u0001\u0000\u0001\u0000\u0010\u0010", "ICO")]
    [InlineData("8BPS\u0000\u0001", "PSD")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", "SVG")]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- Wappen -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "SVG")]
    public void Other_image_formats_are_refused_by_name(string upload, string format)
    {
        var problem = Refused(Encoding.Latin1.GetBytes(upload), MediaError.UnsupportedFormat);

        Assert.Equal([format], problem.Arguments);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")]
    [InlineData("<html><svg xmlns=\"http://www.w3.org/2000/svg\"/></html>")]
    [InlineData("PK\u0003\u0004\u0014\u0000\u0000\u0000")]
    [InlineData("%PDF-1.7\n")]
    [InlineData("#!/bin/sh\nrm -rf /\n")]
    [InlineData("MZ\u0090\u0000")]
    [InlineData("\u0000\u0000\u0000\u0018ftypisom\u0000\u0000\u0000\u0000")]
    [InlineData("Bitte das Wappen als Anhang")]
    [InlineData("RIFF\u0024\u0000\u0000\u0000WAVEfmt ")]
    public void Content_that_is_no_image_is_refused_whatever_it_is_called(string upload) =>
        Refused(Encoding.Latin1.GetBytes(upload), MediaError.UnknownFormat);

    [Fact]
    public void An_HTML_page_named_png_is_refused()
    {
        var result = Sanitize(Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"), "wappen.png");

        Assert.Equal(MediaError.UnknownFormat, result.Error);
        Assert.Equal("wappen.png", result.Problem!.FileName);
    }

    public static TheoryData<string, byte[]> Broken()
    {
        var png = Png(64, 64);
        var jpeg = Jpeg(64, 64);
        var webp = Webp(64, 64);
        return new()
        {
            { "PNG cut in half", png[..(png.Length / 2)] },
            { "PNG signature only", png[..8] },
            { "PNG up to IHDR", png[..33] },
            { "PNG without IHDR first", [.. png[..8], .. Chunk("tEXt", "a\0b"u8.ToArray()), .. png[8..]] },
            { "PNG with zero width", PngClaiming(0, 10) },
            { "PNG with garbage pixels", [.. png[..33], .. Chunk("IDAT", Encoding.ASCII.GetBytes("not zlib at all")), .. Chunk("IEND", [])] },
            { "JPEG cut in half", jpeg[..(jpeg.Length / 2)] },
            { "JPEG magic only", [0xFF, 0xD8, 0xFF] },
            { "JPEG with a scan before any frame", [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6] },
            { "JPEG with garbage after SOI", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. Encoding.ASCII.GetBytes("JFIF but then nothing useful")] },
            { "WebP cut short", webp[..(webp.Length / 2)] },
            { "WebP header only", webp[..30] },
            { "WebP with unknown chunk", [.. "RIFF"u8, 0x20, 0, 0, 0, .. "WEBPXXXX"u8, .. new byte[24]] },
        };
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_damaged_image_is_refused_as_corrupt(string kind, byte[] upload)
    {
        var result = Sanitize(upload);

        Assert.True(result.Error == MediaError.Corrupt, $"{kind}: {result.Error}");
    }

    [Fact]
    public void No_truncation_or_bit_flip_throws()
    {
        var random = new Random(20240601);
        foreach (var original in new[] { Png(48, 32, alpha: 200), Jpeg(48, 32), Webp(48, 32), Webp(48, 32, lossless: true) })
        {
            for (var length = 0; length < original.Length; length += Math.Max(1, original.Length / 60))
            {
                AssertNoThrow(original[..length]);
            }
            for (var round = 0; round < 60; round++)
            {
                var flipped = (byte[])original.Clone();
                for (var flips = 0; flips < 4; flips++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }
                AssertNoThrow(flipped);
            }
        }

        static void AssertNoThrow(byte[] upload)
        {
            var result = Sanitize(upload);
            Assert.True(result.Succeeded ^ result.Problem is not null);
        }
    }

    [Fact]
    public void The_file_name_is_cleaned_for_the_message_and_nothing_else()
    {
        var result = Sanitize([], "C:\\fakepath\\Wappen\u202Egnp.exe");

        Assert.Equal("Wappengnp.exe", result.Problem!.FileName);
        Assert.Null(Sanitize([], "  ").Problem!.FileName);
        Assert.Equal(100, Sanitize([], new string('a', 500)).Problem!.FileName!.Length);
    }

    /// <summary>A client that keeps sending: the image bytes, then zeros for ever. Counts what was read.</summary>
    private sealed class EndlessStream(byte[] start) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = Served + i < start.Length ? start[Served + i] : (byte)0;
            }
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
