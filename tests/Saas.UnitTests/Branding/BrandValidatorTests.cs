using System.Text.Json;
using Saas.Kernel.Branding;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Branding;

public sealed class BrandValidatorTests
{
    public static TheoryData<string, string, string> DemoTownColours()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var folder in RepoPaths.DemoTownFolders)
        {
            using var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recipe.json")));
            var branding = recipe.RootElement.GetProperty("branding");
            data.Add(Path.GetFileName(folder), branding.GetProperty("primaryColor").GetString()!, branding.GetProperty("secondaryColor").GetString()!);
        }
        return data;
    }

    [Fact]
    public void There_are_demo_towns_to_check() => Assert.True(DemoTownColours().Count >= 3);

    [Theory]
    [MemberData(nameof(DemoTownColours))]
    public void The_demo_towns_colours_are_accepted(string town, string primary, string secondary) =>
        Assert.True(BrandValidator.Check(primary, secondary).Count == 0, $"{town}: {string.Join("; ", BrandValidator.Check(primary, secondary))}");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("blue")]
    [InlineData("#12345")]
    [InlineData("# 12345")]
    [InlineData("1f4e79")]
    public void A_malformed_primary_colour_is_refused_naming_the_field(string? primary)
    {
        var problem = Assert.Single(BrandValidator.Check(primary, "#9a7b00"));

        Assert.Equal(("primaryColor", "brand.error.format"), (problem.Field, problem.MessageKey));
        Assert.Null(problem.Ratio);
    }

    [Fact]
    public void A_malformed_secondary_colour_is_refused_naming_the_field()
    {
        var problem = Assert.Single(BrandValidator.Check("#1f4e79", "#zzzzzz"));

        Assert.Equal(("secondaryColor", "brand.error.format"), (problem.Field, problem.MessageKey));
    }

    [Fact]
    public void A_primary_colour_below_4_5_to_1_on_white_is_refused_with_its_ratio()
    {
        var problem = Assert.Single(BrandValidator.Check("#777777", "#9a7b00"));

        Assert.Equal(("primaryColor", "brand.error.contrast", ContrastChecker.Text), (problem.Field, problem.MessageKey, problem.Required));
        var ratio = ContrastChecker.Ratio("#777777", "#ffffff");
        Assert.InRange(problem.Ratio!.Value, ratio - 0.01, ratio);
    }

    [Fact]
    public void A_secondary_colour_needs_only_3_to_1()
    {
        // #949494 is about 3.03:1: enough for borders and accents, not for text.
        Assert.Empty(BrandValidator.Check("#1f4e79", "#949494"));
        var problem = Assert.Single(BrandValidator.Check("#949494", "#1f4e79"));
        Assert.Equal("primaryColor", problem.Field);
    }

    [Fact]
    public void A_secondary_colour_below_3_to_1_is_refused()
    {
        var problem = Assert.Single(BrandValidator.Check("#1f4e79", "#e0b422"));

        Assert.Equal(("secondaryColor", "brand.error.contrast", ContrastChecker.LargeTextOrUi), (problem.Field, problem.MessageKey, problem.Required));
    }

    [Fact]
    public void Both_problems_are_reported_at_once() =>
        Assert.Equal(["primaryColor", "secondaryColor"], BrandValidator.Check("#ffff00", "nope").Select(p => p.Field));

    [Fact]
    public void The_reported_ratio_of_a_refused_colour_is_never_shown_as_meeting_the_requirement()
    {
        // Find a grey-blue just below 4.5:1 (ratio in [4.495, 4.5)), which naive rounding would show as "4.5:1".
        var almost = (from r in Enumerable.Range(0, 256)
                      from b in new[] { 0x40, 0x80, 0xc0 }
                      let color = $"#{r:x2}{r:x2}{b:x2}"
                      let ratio = ContrastChecker.Ratio(color, "#ffffff")
                      where ratio is >= 4.495 and < ContrastChecker.Text
                      select color).Concat(
                     from r in Enumerable.Range(0, 256)
                     from g in Enumerable.Range(0, 256)
                     let color = $"#{r:x2}{g:x2}80"
                     let ratio = ContrastChecker.Ratio(color, "#ffffff")
                     where ratio is >= 4.495 and < ContrastChecker.Text
                     select color).First();

        var problem = Assert.Single(BrandValidator.Check(almost, "#9a7b00"));

        Assert.True(problem.Ratio < problem.Required, $"{almost}: reported {problem.Ratio}:1 against {problem.Required}:1");
    }
}
