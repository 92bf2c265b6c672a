using System.Text;
using Saas.Kernel.Media;
using SkiaSharp;
using static Saas.UnitTests.Media.TestImages;

namespace Saas.UnitTests.Media;

/// <summary>What comes out of an accepted upload: a real image of the same size, and nothing but its pixels.</summary>
public sealed class ImageSanitizerTests
{
    private const string Marker = "MARKER-7f3a9c";
    private const string Script = "<script>alert('polyglot')</script>";

    private static readonly ImageSanitizer Sanitizer = new();

    private static SanitizedImage Accept(byte[] upload, string name = "upload.bin")
    {
        var result = Sanitizer.SanitizeAsync(new MemoryStream(upload), name).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, $"refused: {result.Error}");
        return result.Value;
    }

    public static TheoryData<string, byte[], SKEncodedImageFormat, string, string> AcceptedFormats() => new()
    {
        { "PNG", Png(120, 80), SKEncodedImageFormat.Png, "image/png", ".png" },
        { "PNG with alpha", Png(33, 17, alpha: 128), SKEncodedImageFormat.Png, "image/png", ".png" },
        { "PNG with a palette", PalettePng(24, 12), SKEncodedImageFormat.Png, "image/png", ".png" },
        { "JPEG", Jpeg(120, 80), SKEncodedImageFormat.Jpeg, "image/jpeg", ".jpg" },
        { "JPEG in greyscale", GreyJpeg(50, 70), SKEncodedImageFormat.Jpeg, "image/jpeg", ".jpg" },
        { "WebP lossy", Webp(120, 80), SKEncodedImageFormat.Webp, "image/webp", ".webp" },
        { "WebP lossless", Webp(64, 64, lossless: true), SKEncodedImageFormat.Webp, "image/webp", ".webp" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFormats))]
    public void An_accepted_image_comes_back_decodable_in_its_format_and_size(string kind, byte[] upload, SKEncodedImageFormat format, string contentType, string extension)
    {
        var image = Accept(upload);
        var (actualFormat, width, height) = Inspect(image.Content);
        var (_, originalWidth, originalHeight) = Inspect(upload);

        Assert.True(format == actualFormat, kind);
        Assert.Equal((originalWidth, originalHeight), (width, height));
        Assert.Equal((originalWidth, originalHeight), (image.Width, image.Height));
        Assert.Equal(contentType, image.ContentType);
        Assert.Equal(extension, image.Extension);
    }

    [Fact]
    public void A_PNG_keeps_its_exact_pixels_including_transparency()
    {
        var upload = Png(40, 30, alpha: 100);

        var image = Accept(upload);

        using var before = SKBitmap.Decode(upload);
        using var after = SKBitmap.Decode(image.Content);
        Assert.Equal(before.GetPixel(5, 5), after.GetPixel(5, 5));
        Assert.Equal(before.GetPixel(35, 25), after.GetPixel(35, 25));
        Assert.Equal(100, after.GetPixel(35, 25).Alpha);
    }

    [Theory]
    [InlineData("wappen.jpg")]
    [InlineData("wappen.gif")]
    [InlineData("wappen")]
    [InlineData(null)]
    public void The_file_name_has_no_say_a_PNG_stays_a_PNG(string? name)
    {
        var image = Accept(Png(20, 20), name!);

        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(".png", image.Extension);
    }

    [Fact]
    public void PNG_text_chunks_are_gone()
    {
        var upload = WithPngChunk(Png(50, 50), "tEXt", Encoding.Latin1.GetBytes("Comment\0" + Marker + Script));
        upload = WithPngChunk(upload, "iTXt", Encoding.UTF8.GetBytes("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + Marker + "</x:xmpmeta>"));
        Assert.True(Contains(upload, Marker));

        var image = Accept(upload);

        Assert.False(Contains(image.Content, Marker));
        Assert.False(Contains(image.Content, "<script"));
        Assert.False(Contains(image.Content, "tEXt"));
        Assert.False(Contains(image.Content, "iTXt"));
    }

    [Fact]
    public void JPEG_EXIF_and_comment_segments_are_gone()
    {
        var upload = WithJpegSegment(Jpeg(60, 40), 0xE1, Exif(1, "GPS 52.14N 12.59E " + Marker));
        upload = WithJpegSegment(upload, 0xFE, Encoding.ASCII.GetBytes(Script + Marker));
        upload = WithJpegSegment(upload, 0xED, Encoding.ASCII.GetBytes("Photoshop 3.0\0" + Marker));

        var image = Accept(upload);

        Assert.Equal((60, 40), (image.Width, image.Height));
        Assert.False(Contains(image.Content, Marker));
        Assert.False(Contains(image.Content, "<script"));
        Assert.False(Contains(image.Content, "Exif"));
        Assert.False(Contains(image.Content, "Photoshop"));
    }

    [Fact]
    public void A_photo_taken_sideways_comes_out_upright()
    {
        // Stored 40 × 20 with EXIF orientation 6: shown turned 90° clockwise, 20 × 40.
        var upload = WithJpegSegment(Jpeg(40, 20), 0xE1, Exif(6, Marker));

        var image = Accept(upload);

        Assert.Equal((20, 40), (image.Width, image.Height));
        Assert.Equal((SKEncodedImageFormat.Jpeg, 20, 40), Inspect(image.Content));
        // Turned clockwise, the stored bottom-left (blue) is now top-left, the stored top-left (red) top-right.
        Assert.True(IsMostly(PixelAt(image.Content, 3, 3), blue: true), PixelAt(image.Content, 3, 3).ToString());
        Assert.True(IsMostly(PixelAt(image.Content, 16, 3), red: true), PixelAt(image.Content, 16, 3).ToString());
        Assert.False(Contains(image.Content, Marker));
    }

    public static TheoryData<string, byte[]> Polyglots() => new()
    {
        { "PNG + ZIP", [.. Png(30, 30), .. ZipWith("payload.html", Script)] },
        { "PNG + HTML", [.. Png(30, 30), .. Encoding.ASCII.GetBytes("<html><body>" + Script + "</body></html>")] },
        { "JPEG + PHP", [.. Jpeg(30, 30), .. Encoding.ASCII.GetBytes("<?php system($_GET['c']); ?>" + Script)] },
        { "JPEG + ZIP", [.. Jpeg(30, 30), .. ZipWith("evil.js", Script)] },
        { "WebP + HTML", [.. Webp(30, 30), .. Encoding.ASCII.GetBytes(Script)] },
        { "JPEG with script in comment", WithJpegSegment(Jpeg(30, 30), 0xFE, Encoding.ASCII.GetBytes("*/" + Script + "/*")) },
    };

    [Theory]
    [MemberData(nameof(Polyglots))]
    public void A_polyglot_comes_out_as_an_image_only(string kind, byte[] upload)
    {
        var image = Accept(upload);

        Assert.False(Contains(image.Content, "<script"), kind);
        Assert.False(Contains(image.Content, "alert("), kind);
        Assert.False(Contains(image.Content, "<?php"), kind);
        Assert.False(Contains(image.Content, "PK\u0003\u0004"), kind);
        Assert.Equal((30, 30), (image.Width, image.Height));
    }

    [Fact]
    public void A_PNG_padded_to_exactly_the_limit_is_accepted()
    {
        var png = Png(16, 16);
        var upload = new byte[Sanitizer.Options.MaxBytes];
        png.CopyTo(upload, 0);

        var image = Accept(upload);

        Assert.True(image.Content.Length < 10_000);
    }

    [Fact]
    public void An_image_at_the_side_limit_is_accepted()
    {
        var image = Accept(Png(4096, 1));

        Assert.Equal((4096, 1), (image.Width, image.Height));
    }

    private static bool IsMostly(SKColor c, bool red = false, bool blue = false) =>
        red ? c.Red > 200 && c.Blue < 60 && c.Green < 60 : blue && c.Blue > 200 && c.Red < 60 && c.Green < 60;

    /// <summary>A ZIP local file header and stored file: enough for an archive tool to find the payload.</summary>
    private static byte[] ZipWith(string name, string content)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        var data = Encoding.ASCII.GetBytes(content);
        var header = new byte[30];
        "PK\u0003\u0004"u8.CopyTo(header);
        BitConverter.TryWriteBytes(header.AsSpan(18), data.Length);
        BitConverter.TryWriteBytes(header.AsSpan(22), data.Length);
        BitConverter.TryWriteBytes(header.AsSpan(26), (short)nameBytes.Length);
        return [.. header, .. nameBytes, .. data];
    }
}
