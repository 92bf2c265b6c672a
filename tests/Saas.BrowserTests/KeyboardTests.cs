using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// A town's home page works by keyboard alone: the first Tab reaches the skip link, the skip link
/// moves focus to the main content, Tab reaches every visible link and button, and every focus
/// stop shows a visible focus indicator (WCAG 2.1.1, 2.4.1, 2.4.7).
/// </summary>
[Collection(BrowserCollection.Phone)]
public sealed class KeyboardTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Towns() => [.. DemoTowns.All];

    /// <summary>
    /// Marks every visible link and button with <c>data-kbd</c> (its index) and returns how many
    /// there are; the marks let the focus stops be matched against this list.
    /// </summary>
    private const string MarkTargetsScript = """
        () => {
          const visible = e => {
            const style = getComputedStyle(e);
            return e.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
          };
          const targets = [...document.querySelectorAll('a[href], button')].filter(visible);
          targets.forEach((e, i) => e.setAttribute('data-kbd', String(i)));
          return targets.map(e => describe(e));
          function describe(e) {
            return { key: e.getAttribute('data-kbd'), tag: e.tagName.toLowerCase(), href: e.getAttribute('href') ?? '', text: (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60) };
          }
        }
        """;

    /// <summary>What is focused now, and whether its focus indicator can be seen.</summary>
    private const string FocusStopScript = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) {
            return { key: '', tag: e ? e.tagName.toLowerCase() : '', href: '', text: '', className: '', outlineStyle: 'none', outlineWidth: '0px', boxShadow: 'none', inMain: false };
          }
          const style = getComputedStyle(e);
          return {
            key: e.getAttribute('data-kbd') ?? '',
            tag: e.tagName.toLowerCase(),
            href: e.getAttribute('href') ?? '',
            text: (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
            className: typeof e.className === 'string' ? e.className : '',
            outlineStyle: style.outlineStyle,
            outlineWidth: style.outlineWidth,
            boxShadow: style.boxShadow,
            inMain: !!e.closest('main#main') && e.id !== 'main',
            id: e.id,
          };
        }
        """;

    [Theory]
    [MemberData(nameof(Towns))]
    public async Task Given_a_town_home_page_When_tabbing_through_it_Then_every_link_and_button_is_reached_with_a_visible_focus(string town)
    {
        var page = await fixture.NewPageAsync(Viewports.Desktop, Viewports.HeightFor(Viewports.Desktop));
        try
        {
            await page.GotoAsync(fixture.TownOrigin(town) + "/");
            var targets = await page.EvaluateAsync<Target[]>(MarkTargetsScript);
            Assert.NotEmpty(targets);

            var stops = new List<FocusStop>();
            for (var i = 0; i < targets.Length + 5; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                stops.Add(await page.EvaluateAsync<FocusStop>(FocusStopScript));
            }
            var trail = Trail(stops);
            output.WriteLine($"{targets.Length} visible links and buttons; {trail}");

            Assert.True(stops[0].ClassName.Contains("skip-link", StringComparison.Ordinal) && stops[0].Href == "#main",
                $"The first Tab should focus the skip link to #main, but focused {stops[0]}.\n{trail}");

            var reached = stops.Select(s => s.Key).Where(k => k.Length > 0).ToHashSet();
            var missed = targets.Where(t => !reached.Contains(t.Key)).ToList();
            Assert.True(missed.Count == 0,
                $"Not reached by Tab: {string.Join("; ", missed)}.\n{trail}");

            // Every stop inside the page counts, also focusable elements that are neither links nor buttons.
            var invisible = stops.Where(s => s.Tag is not ("" or "body" or "html") && !s.HasVisibleFocus).ToList();
            Assert.True(invisible.Count == 0,
                $"Focus is not visible on: {string.Join("; ", invisible)}.\n{trail}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Towns))]
    public async Task Given_a_town_home_page_When_the_skip_link_is_activated_by_keyboard_Then_focus_moves_to_the_main_content(string town)
    {
        var page = await fixture.NewPageAsync(Viewports.Phone, Viewports.HeightFor(Viewports.Phone));
        try
        {
            await page.GotoAsync(fixture.TownOrigin(town) + "/");
            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<FocusStop>(FocusStopScript);
            Assert.True(first.ClassName.Contains("skip-link", StringComparison.Ordinal), $"The first Tab focused {first}, not the skip link.");

            // The skip link shows itself when focused (it sits off-screen otherwise).
            var box = await page.Locator("a.skip-link").BoundingBoxAsync();
            Assert.True(box is { Y: >= 0, Height: > 0 }, $"The focused skip link is off-screen: {box?.X},{box?.Y} {box?.Width}x{box?.Height}.");

            await page.Keyboard.PressAsync("Enter");
            try
            {
                await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main'", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // Reported by the assertion below, with what has focus instead.
            }
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.tagName.toLowerCase() + '#' + document.activeElement.id");
            Assert.Equal("main#main", focused);

            // The next Tab continues inside the main content, not back in the header.
            await page.Keyboard.PressAsync("Tab");
            var next = await page.EvaluateAsync<FocusStop>(FocusStopScript);
            Assert.True(next.InMain, $"After the skip link, Tab focused {next}, which is not inside main#main.");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static string Trail(List<FocusStop> stops)
    {
        var text = new StringBuilder("Focus order:");
        for (var i = 0; i < stops.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(stops[i]);
        }
        return text.ToString();
    }

    // Playwright deserialises evaluate results into types with a parameterless constructor.
    public sealed class Target
    {
        [JsonPropertyName("key")] public string Key { get; set; } = "";
        [JsonPropertyName("tag")] public string Tag { get; set; } = "";
        [JsonPropertyName("href")] public string Href { get; set; } = "";
        [JsonPropertyName("text")] public string Text { get; set; } = "";

        public override string ToString() => $"<{Tag} href=\"{Href}\"> {Text}";
    }

    public sealed class FocusStop
    {
        [JsonPropertyName("key")] public string Key { get; set; } = "";
        [JsonPropertyName("tag")] public string Tag { get; set; } = "";
        [JsonPropertyName("href")] public string Href { get; set; } = "";
        [JsonPropertyName("text")] public string Text { get; set; } = "";
        [JsonPropertyName("className")] public string ClassName { get; set; } = "";
        [JsonPropertyName("outlineStyle")] public string OutlineStyle { get; set; } = "";
        [JsonPropertyName("outlineWidth")] public string OutlineWidth { get; set; } = "";
        [JsonPropertyName("boxShadow")] public string BoxShadow { get; set; } = "";
        [JsonPropertyName("inMain")] public bool InMain { get; set; }

        /// <summary>An outline that is drawn (style not none, width not zero) or a box shadow.</summary>
        public bool HasVisibleFocus =>
            (OutlineStyle != "none" && OutlineWidth is not ("0px" or "0")) || (BoxShadow.Length > 0 && BoxShadow != "none");

        public override string ToString() =>
            Tag is "" or "body" or "html" ? "(nothing: focus left the page)" :
            $"<{Tag}{(ClassName.Length > 0 ? $" class=\"{ClassName}\"" : "")}{(Href.Length > 0 ? $" href=\"{Href}\"" : "")}> {Text} [outline {OutlineStyle} {OutlineWidth}; box-shadow {BoxShadow}]";
    }
}
