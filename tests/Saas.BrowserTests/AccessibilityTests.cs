using System.Diagnostics;
using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// Every resident page passes axe-core's WCAG 2.1 A/AA rules in every theme, on a phone and a
/// laptop, and reflows at 360 px without horizontal scrolling (WCAG 1.4.10).
/// </summary>
/// <remarks>
/// One test case per town × page × width. The two widths are two nested classes in two test
/// collections, so the two halves run side by side on a 2-core machine (same server, same browser).
/// </remarks>
public abstract class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Pages of a town: the test case's name, the path (null: found at run time), the expected status.</summary>
    private static readonly (string Name, string? Path, int Status)[] TownPages =
    [
        ("home", "/", 200),
        ("news-list", "/aktuelles", 200),
        ("news-list-page-2", "/aktuelles?seite=2", 200),   // Bad Belzig only: the town with more than one page of news
        ("article", null, 200),                              // the first article linked from the news list
        ("appointments", "/termine", 200),
        ("appointment-times", null, 200),                    // the first service's booking page with its first free day chosen
        ("waste", "/abfall", 200),
        ("waste-search", "/abfall?strasse=Muehlenweg", 200),  // a typo-tolerant search with its results
        ("waste-area", null, 200),                           // the first area's next collections, filter, feed links and year
        ("waste-reminder", null, 200),                       // the first area's form to order reminders by e-mail
        ("jobs", "/stellen", 200),
        ("job-posting", null, 200),                          // the first open posting linked from the job list
        ("job-application", null, 200),                      // the online form of the first posting that has one
        ("coworking", "/coworking", 200),
        ("contact", "/kontakt", 200),
        ("impressum", "/impressum", 200),
        ("privacy", "/datenschutz", 200),
        ("accessibility-statement", "/barrierefreiheit", 200),
        ("not-found", "/gibt-es-nicht", 404),
    ];

    public static TheoryData<string, string, int> TownCases(int width)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var town in DemoTowns.All)
        {
            foreach (var page in TownPages.Where(p => p.Name != "news-list-page-2" || town == DemoTowns.BadBelzig))
            {
                data.Add(town, page.Name, width);
            }
        }
        return data;
    }

    public static TheoryData<string, int> PlatformCases(int width) => new()
    {
        { "platform-landing", width },
        { "unknown-host", width },
        { "signup", width },
    };

    [Collection(BrowserCollection.Phone)]
    public sealed class AtPhoneWidth(BrowserFixture fixture, ITestOutputHelper output) : AccessibilityTests(fixture, output)
    {
        [Theory]
        [MemberData(nameof(TownCases), Viewports.Phone, MemberType = typeof(AccessibilityTests))]
        public Task Given_a_demo_town_page_When_axe_checks_it_Then_there_are_no_WCAG_violations(string town, string pageName, int width) =>
            CheckTownPageAsync(town, pageName, width);

        [Theory]
        [MemberData(nameof(PlatformCases), Viewports.Phone, MemberType = typeof(AccessibilityTests))]
        public Task Given_a_platform_page_When_axe_checks_it_Then_there_are_no_WCAG_violations(string pageName, int width) =>
            CheckPlatformPageAsync(pageName, width);
    }

    [Collection(BrowserCollection.Desktop)]
    public sealed class AtDesktopWidth(BrowserFixture fixture, ITestOutputHelper output) : AccessibilityTests(fixture, output)
    {
        [Theory]
        [MemberData(nameof(TownCases), Viewports.Desktop, MemberType = typeof(AccessibilityTests))]
        public Task Given_a_demo_town_page_When_axe_checks_it_Then_there_are_no_WCAG_violations(string town, string pageName, int width) =>
            CheckTownPageAsync(town, pageName, width);

        [Theory]
        [MemberData(nameof(PlatformCases), Viewports.Desktop, MemberType = typeof(AccessibilityTests))]
        public Task Given_a_platform_page_When_axe_checks_it_Then_there_are_no_WCAG_violations(string pageName, int width) =>
            CheckPlatformPageAsync(pageName, width);
    }

    protected async Task CheckTownPageAsync(string town, string pageName, int width)
    {
        var page = await fixture.NewPageAsync(width, Viewports.HeightFor(width));
        try
        {
            var origin = fixture.TownOrigin(town);
            var entry = TownPages.Single(p => p.Name == pageName);
            var path = entry.Path ?? pageName switch
            {
                "appointment-times" => await FirstAppointmentDayPathAsync(page, origin),
                "waste-area" => await FirstWasteAreaPathAsync(page, origin),
                "waste-reminder" => "/abfall/erinnerung?gebiet=" + (await FirstWasteAreaPathAsync(page, origin))["/abfall/".Length..],
                "job-posting" => await FirstJobPathAsync(page, origin, "main .teaser-list a[href^='/stellen/']"),
                "job-application" => await FirstJobPathAsync(page, origin, "main .teaser-list a[href^='/stellen/']", apply: true),
                _ => await FirstArticlePathAsync(page, origin),
            };
            await CheckAsync(page, origin + path, entry.Status, width);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    protected async Task CheckPlatformPageAsync(string pageName, int width)
    {
        var page = await fixture.NewPageAsync(width, Viewports.HeightFor(width));
        try
        {
            var (url, status) = pageName switch
            {
                "platform-landing" => (fixture.PlatformOrigin + "/", 200),
                "signup" => (fixture.PlatformOrigin + "/registrieren", 200),
                // The neutral page every unknown host gets (base.css only, no town theme).
                "unknown-host" => ($"http://unbekannt.localhost:{fixture.Port}/", 404),
                _ => throw new ArgumentOutOfRangeException(nameof(pageName), pageName, null),
            };
            await CheckAsync(page, url, status, width);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The booking page of the town's first service, on its first day with free times.</summary>
    internal static async Task<string> FirstAppointmentDayPathAsync(IPage page, string origin)
    {
        Assert.Equal(200, (await page.GotoAsync(origin + "/termine"))?.Status);
        var service = await page.Locator("main a[href^='/termine/']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(service), $"{origin}/termine links no service.");
        Assert.Equal(200, (await page.GotoAsync(origin + service))?.Status);
        var day = await page.Locator("main a[href*='?tag=']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(day), $"{origin}{service} offers no day.");
        return day!;
    }

    /// <summary>The first collection area linked from the town's waste calendar.</summary>
    internal static async Task<string> FirstWasteAreaPathAsync(IPage page, string origin)
    {
        Assert.Equal(200, (await page.GotoAsync(origin + "/abfall"))?.Status);
        var href = await page.Locator("main a[href^='/abfall/']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), $"{origin}/abfall links no area.");
        return href!;
    }

    /// <summary>The first posting linked from the town's job list, or the online form of the first posting that has one.</summary>
    internal static async Task<string> FirstJobPathAsync(IPage page, string origin, string links, bool apply = false)
    {
        Assert.Equal(200, (await page.GotoAsync(origin + "/stellen"))?.Status);
        var postings = new List<string>();
        foreach (var link in await page.Locator(links).AllAsync())
        {
            postings.Add((await link.GetAttributeAsync("href"))!);
        }
        Assert.True(postings.Count > 0, $"{origin}/stellen links no posting.");
        if (!apply)
        {
            return postings[0];
        }
        foreach (var posting in postings)
        {
            await page.GotoAsync(origin + posting);
            if (await page.Locator("main a[href$='/bewerben']").CountAsync() > 0)
            {
                return (await page.Locator("main a[href$='/bewerben']").First.GetAttributeAsync("href"))!;
            }
        }
        throw new InvalidOperationException($"No posting of {origin} takes online applications.");
    }

    /// <summary>The first article linked from the town's news list.</summary>
    private static async Task<string> FirstArticlePathAsync(IPage page, string origin)
    {
        var response = await page.GotoAsync(origin + "/aktuelles");
        Assert.Equal(200, response?.Status);
        var href = await page.Locator("main .teaser-list a[href]").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), $"The news list of {origin} links no article.");
        return href!;
    }

    private async Task CheckAsync(IPage page, string url, int expectedStatus, int width)
    {
        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var loaded = clock.ElapsedMilliseconds;
        Assert.True(response?.Status == expectedStatus, $"{url} answered {response?.Status}, expected {expectedStatus}.");

        var result = await Axe.RunWcagAsync(page);
        output.WriteLine($"{url} at {width}px: loaded in {loaded} ms, axe in {clock.ElapsedMilliseconds - loaded} ms");
        Assert.True(result.Violations.Length == 0, Axe.Describe(result, $"{url} at {width}px"));

        if (width == Viewports.Phone)
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1],
                $"{url} scrolls horizontally at {width}px: scrollWidth {widths[0]} > innerWidth {widths[1]}. " +
                "Elements sticking out on the right: " + await OverflowingElementsAsync(page));
        }
    }

    private static Task<string> OverflowingElementsAsync(IPage page) => Reflow.OverflowingElementsAsync(page);
}
