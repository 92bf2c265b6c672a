using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// Full-page screenshots of each town's home page and an article, on a phone and a laptop, for
/// people to look at (see <see cref="Artifacts"/>), and a check that the three themes really look
/// different: heading font, header colour, and where the main navigation sits.
/// </summary>
[Collection(BrowserCollection.Desktop)]
public sealed class ScreenshotTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var town in DemoTowns.All)
        {
            foreach (var page in new[] { "home", "article", "appointment-times" })
            {
                foreach (var width in Viewports.All)
                {
                    data.Add(town, page, width);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Given_a_town_page_When_a_screenshot_is_taken_Then_a_non_trivial_png_is_saved(string town, string pageName, int width)
    {
        var page = await fixture.NewPageAsync(width, Viewports.HeightFor(width));
        try
        {
            var origin = fixture.TownOrigin(town);
            if (pageName == "appointment-times")
            {
                await page.GotoAsync(origin + await AccessibilityTests.FirstAppointmentDayPathAsync(page, origin));
            }
            else if (pageName == "article")
            {
                await page.GotoAsync(origin + "/aktuelles");
                var href = await page.Locator("main .teaser-list a[href]").First.GetAttributeAsync("href");
                Assert.False(string.IsNullOrEmpty(href), $"{town}: the news list links no article.");
                await page.GotoAsync(origin + href);
            }
            else
            {
                await page.GotoAsync(origin + "/");
            }

            var path = Path.Combine(Artifacts.ScreenshotFolder, $"{town}-{pageName}-{width}.png");
            File.Delete(path);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });

            var file = new FileInfo(path);
            Assert.True(file.Exists, $"No screenshot at {path}.");
            Assert.True(file.Length > 10 * 1024, $"{path} is only {file.Length} bytes: the page probably rendered blank.");
            var header = new byte[8];
            await using (var stream = file.OpenRead())
            {
                await stream.ReadExactlyAsync(header);
            }
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
            output.WriteLine($"{path} ({file.Length / 1024} KB)");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>What makes a theme recognisable at 1280 px, read from the rendered home page.</summary>
    private const string LookScript = """
        () => {
          const box = sel => { const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect(); return { x: r.left, y: r.top, right: r.right, bottom: r.bottom, width: r.width }; };
          const nav = box('.site-nav'), main = box('main#main'), brand = box('.site-brand'), header = box('.site-header');
          let navLayout = 'missing';
          if (nav && main && brand) {
            if (nav.right <= main.x + 1 && nav.bottom > main.y) navLayout = 'sidebar';
            else if (nav.y >= brand.bottom - 1 && nav.width >= window.innerWidth * 0.6) navLayout = 'full-width bar below the brand';
            else if (nav.y >= brand.bottom - 1) navLayout = 'below the brand';
            else if (nav.x >= brand.right - 1) navLayout = 'right of the brand';
            else navLayout = 'other';
          }
          return {
            headingFont: getComputedStyle(document.querySelector('h1')).fontFamily,
            headerBackground: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
            navLayout,
            nav: JSON.stringify(nav), main: JSON.stringify(main), brand: JSON.stringify(brand), header: JSON.stringify(header),
          };
        }
        """;

    [Fact]
    public async Task Given_the_three_demo_towns_When_their_home_pages_are_rendered_at_1280px_Then_the_themes_differ_visibly()
    {
        var looks = new Dictionary<string, Look>();
        foreach (var town in DemoTowns.All)
        {
            var page = await fixture.NewPageAsync(Viewports.Desktop, Viewports.HeightFor(Viewports.Desktop));
            try
            {
                await page.GotoAsync(fixture.TownOrigin(town) + "/");
                looks[town] = await page.EvaluateAsync<Look>(LookScript);
                output.WriteLine($"{town} ({DemoTowns.Themes[town]}): {looks[town]}");
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        var description = string.Join("\n", looks.Select(l => $"{l.Key} ({DemoTowns.Themes[l.Key]}): {l.Value}"));
        var towns = looks.Keys.ToList();
        for (var i = 0; i < towns.Count; i++)
        {
            for (var j = i + 1; j < towns.Count; j++)
            {
                var (a, b) = (looks[towns[i]], looks[towns[j]]);
                var differences = new[]
                {
                    a.HeadingFont != b.HeadingFont,
                    a.HeaderBackground != b.HeaderBackground,
                    a.NavLayout != b.NavLayout,
                }.Count(d => d);
                Assert.True(differences >= 2,
                    string.Create(CultureInfo.InvariantCulture, $"{towns[i]} and {towns[j]} differ in only {differences} of heading font, header colour, navigation layout:\n{description}"));
            }
        }

        // The layouts the themes are designed around (themes/*/theme.css).
        Assert.True(looks[DemoTowns.BadBelzig].NavLayout == "full-width bar below the brand", $"klassisch: navigation should be a full-width bar below the header.\n{description}");
        Assert.True(looks[DemoTowns.WiesenburgMark].NavLayout == "sidebar", $"landlich: navigation should be a sidebar left of the content.\n{description}");
        Assert.True(looks[DemoTowns.Treuenbrietzen].NavLayout == "right of the brand", $"modern: navigation should sit right of the brand.\n{description}");
    }

    public sealed class Look
    {
        [JsonPropertyName("headingFont")] public string HeadingFont { get; set; } = "";
        [JsonPropertyName("headerBackground")] public string HeaderBackground { get; set; } = "";
        [JsonPropertyName("navLayout")] public string NavLayout { get; set; } = "";
        [JsonPropertyName("nav")] public string Nav { get; set; } = "";
        [JsonPropertyName("main")] public string Main { get; set; } = "";
        [JsonPropertyName("brand")] public string Brand { get; set; } = "";
        [JsonPropertyName("header")] public string Header { get; set; } = "";

        public override string ToString() =>
            $"h1 font {HeadingFont}; header background {HeaderBackground}; navigation {NavLayout} (nav {Nav}, brand {Brand}, main {Main})";
    }
}
