using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Saas.IntegrationTests.News;

/// <summary>
/// Article images through the real form: what residents get is a clean re-encoding of the pixels;
/// anything that is not a PNG, JPEG or WebP within the limits gets a German message and nothing is stored.
/// </summary>
[Collection(NewsEditorCollection.Name)]
public sealed class ImageUploadTests(NewsEditorFixture town)
{
    private const string Payload = "<script>alert('polyglot')</script>";

    [Fact]
    public async Task Given_a_photo_with_metadata_and_an_appended_script_When_uploaded_Then_residents_get_only_the_pixels()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var title = $"Neue Bänke am Markt {Guid.NewGuid():N}"[..30];
        var upload = Concat(Png(320, 200, withText: "GPS 52.14 12.59 Kamera"), Encoding.ASCII.GetBytes(Payload));

        var saved = await PostArticleAsync(editor, title, ("markt.png", "image/png", upload));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var image = await town.InTownAsync(town.TownA, db => db.Images.AsNoTracking()
            .SingleAsync(i => db.Articles.Any(a => a.Title == title && a.ImageId == i.Id)));
        using var resident = town.Factory.ClientFor(NewsEditorFixture.HostA);
        using var served = await resident.GetAsync($"/aktuelles/bilder/{image.Id}");
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("polyglot", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("GPS", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((320, 200), (decoded.Width, decoded.Height));
    }

    public static TheoryData<string, string, string, byte[]> Refused() => new()
    {
        { "an HTML page named .png", "bild.png", "kein Bild im Format PNG, JPEG oder WebP", Encoding.UTF8.GetBytes($"<!doctype html><p>{Payload}</p>") },
        { "a GIF", "animation.gif", "GIF", Encoding.ASCII.GetBytes("GIF89a").Concat(new byte[64]).ToArray() },
        { "one byte over 2 MB", "gross.png", "größer als 2 MB", Concat(Png(8, 8), new byte[2 * 1024 * 1024]) },
        { "a pixel flood", "flut.png", "Pixel", PixelFlood(100_000, 100_000) },
        { "a truncated PNG", "kaputt.png", "beschädigt", Png(64, 64)[..90] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Given_a_file_that_is_not_an_acceptable_image_When_uploaded_Then_a_German_message_and_no_article_and_no_image(
        string what, string fileName, string message, byte[] content)
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var title = $"Abgelehnt {Guid.NewGuid():N}"[..24];
        var imagesBefore = await town.InTownAsync(town.TownA, db => db.Images.CountAsync());

        var response = await PostArticleAsync(editor, title, (fileName, "image/png", content));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode}");
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert('polyglot')", html, StringComparison.Ordinal);
        Assert.Equal(0, await town.InTownAsync(town.TownA, db => db.Articles.CountAsync(a => a.Title == title)));
        Assert.Equal(imagesBefore, await town.InTownAsync(town.TownA, db => db.Images.CountAsync()));
    }

    private static async Task<HttpResponseMessage> PostArticleAsync(HttpClient editor, string title, (string Name, string Type, byte[] Content) file)
    {
        var token = await StaffSession.TokenAsync(editor, "/admin/aktuelles/neu");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.FormId"] = Guid.CreateVersion7().ToString(), ["Input.Title"] = title,
            ["Input.Teaser"] = "Mit Bild.", ["Input.Body"] = "Text.", ["Input.ImageAlt"] = "Zwei Holzbänke vor dem Rathaus",
            ["Input.PublishAt"] = NewsEditorFixture.LocalInput(DateTimeOffset.UtcNow.AddMinutes(-1)),
        })
        {
            form.Add(new StringContent(value), name);
        }
        var part = new ByteArrayContent(file.Content);
        part.Headers.ContentType = new(file.Type);
        form.Add(part, "Bild", file.Name);
        return await editor.PostAsync("/admin/aktuelles/neu", form);
    }

    private static byte[] Png(int width, int height, string? withText = null)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(40, 120, 200));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var png = data.ToArray();
        return withText is null ? png : InsertTextChunk(png, withText);
    }

    /// <summary>A tEXt chunk right after IHDR, as cameras and editors write metadata.</summary>
    private static byte[] InsertTextChunk(byte[] png, string text)
    {
        var body = Encoding.Latin1.GetBytes("Comment\0" + text);
        var chunk = new byte[12 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, body.Length);
        Encoding.ASCII.GetBytes("tEXt").CopyTo(chunk, 4);
        body.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32(chunk.AsSpan(4, 4 + body.Length)));
        const int afterHeader = 8 + 25; // signature + IHDR chunk
        return Concat(png[..afterHeader], chunk, png[afterHeader..]);
    }

    /// <summary>A small valid PNG whose header claims a huge canvas: refused from the header, before any pixel is decoded.</summary>
    private static byte[] PixelFlood(int width, int height)
    {
        var png = Png(1, 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>PNG's chunk checksum (CRC-32, ISO 3309), so the edited chunks stay valid.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
