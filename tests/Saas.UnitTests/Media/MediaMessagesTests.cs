using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Kernel.Media;

namespace Saas.UnitTests.Media;

public sealed class MediaMessagesTests
{
    private static readonly Texts Texts = new([typeof(Texts).Assembly]);
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static TheoryData<MediaError> Errors() => [.. Enum.GetValues<MediaError>()];

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_refusal_has_a_German_and_an_English_message(MediaError error)
    {
        var key = new MediaProblem(error).MessageKey;

        Assert.Contains(key, Texts.Keys(Texts.German));
        Assert.Contains(key, Texts.Keys(Texts.English));
    }

    [Fact]
    public async Task The_size_limits_read_as_people_say_them()
    {
        using var sanitizer = new ImageSanitizer();
        var tooLarge = await sanitizer.SanitizeAsync(new MemoryStream(new byte[(2 * 1024 * 1024) + 1]), "foto.jpg");
        var tooWide = await sanitizer.SanitizeAsync(new MemoryStream(TestImages.PngClaiming(50_000, 50_000)), "flut.png");
        var svgTooLarge = await new SvgSanitizer().SanitizeAsync(new MemoryStream(new byte[(512 * 1024) + 1]), "wappen.svg");

        Assert.Equal("Die Datei ist größer als 2 MB. Bitte wählen Sie eine kleinere Datei.", tooLarge.Problem!.ToMessage(Texts, German));
        Assert.Equal("The file is larger than 2 MB. Please choose a smaller file.", tooLarge.Problem.ToMessage(Texts, English));
        Assert.Equal("Das Bild ist größer als 4096 × 4096 Pixel (es hat 50000 × 50000 Pixel). Bitte verkleinern Sie es.", tooWide.Problem!.ToMessage(Texts, German));
        Assert.StartsWith("Die Datei ist größer als 0,5 MB.", svgTooLarge.Problem!.ToMessage(Texts, German), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_format_is_named_in_the_message()
    {
        var problem = new MediaProblem(MediaError.UnsupportedFormat, "HEIC");

        Assert.Equal("Bilder im Format HEIC werden nicht angenommen. Bitte speichern Sie das Bild als PNG, JPEG oder WebP.", problem.ToMessage(Texts, German));
    }
}
