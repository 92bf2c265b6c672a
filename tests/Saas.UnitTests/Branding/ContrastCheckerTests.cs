using Saas.Kernel.Branding;

namespace Saas.UnitTests.Branding;

public sealed class ContrastCheckerTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#595959", "#ffffff", 7.0)]
    [InlineData("#ff0000", "#ffffff", 4.0)]
    [InlineData("#0000ff", "#ffffff", 8.59)]
    [InlineData("#FF0000", "#FFFFFF", 4.0)]
    public void The_ratio_matches_the_published_WCAG_values(string a, string b, double expected) =>
        Assert.Equal(expected, ContrastChecker.Ratio(a, b), precision: 2);

    [Fact]
    public void The_ratio_is_symmetric() =>
        Assert.Equal(ContrastChecker.Ratio("#1f4e79", "#e0b422"), ContrastChecker.Ratio("#e0b422", "#1f4e79"));

    [Fact]
    public void Grey_777777_just_fails_text_contrast_and_767676_just_passes()
    {
        Assert.True(ContrastChecker.Ratio("#777777", "#ffffff") < ContrastChecker.Text);
        Assert.True(ContrastChecker.Ratio("#767676", "#ffffff") >= ContrastChecker.Text);
    }

    [Theory]
    [InlineData("#1f4e79", "#ffffff")]
    [InlineData("#000000", "#ffffff")]
    [InlineData("#ffffff", "#000000")]
    [InlineData("#ffff00", "#000000")]
    [InlineData("#e0b422", "#000000")]
    [InlineData("#777777", "#000000")]
    public void ReadableOn_picks_the_text_colour_with_more_contrast(string background, string expected) =>
        Assert.Equal(expected, ContrastChecker.ReadableOn(background));

    [Fact]
    public void ReadableOn_always_returns_the_better_of_black_and_white()
    {
        for (var v = 0; v < 256; v += 5)
        {
            var background = $"#{v:x2}{255 - v:x2}{v / 2:x2}";
            var chosen = ContrastChecker.ReadableOn(background);
            var other = chosen == "#ffffff" ? "#000000" : "#ffffff";
            Assert.True(ContrastChecker.Ratio(background, chosen) >= ContrastChecker.Ratio(background, other), background);
        }
    }

    [Theory]
    [InlineData("#1f4e79", 0x1f, 0x4e, 0x79)]
    [InlineData("#ABCDEF", 0xab, 0xcd, 0xef)]
    public void A_hex_colour_parses(string color, byte r, byte g, byte b)
    {
        Assert.True(ContrastChecker.TryParse(color, out var rgb));
        Assert.Equal((r, g, b), rgb);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1f4e79")]
    [InlineData("#1f4e7")]
    [InlineData("#1f4e799")]
    [InlineData("#fff")]
    [InlineData("#gggggg")]
    [InlineData("# 1f4e7")]
    [InlineData("#1f4e7 ")]
    [InlineData("#  1f4e")]
    [InlineData("#-1f4e7")]
    [InlineData("#0x1f4e")]
    [InlineData("red")]
    [InlineData("rgb(0,0,0)")]
    public void Anything_but_hash_and_six_hex_digits_is_not_a_colour(string? color) =>
        Assert.False(ContrastChecker.TryParse(color, out _));

    [Fact]
    public void Ratio_of_a_malformed_colour_throws_instead_of_guessing() =>
        Assert.Throws<FormatException>(() => ContrastChecker.Ratio("#fff", "#000000"));
}
