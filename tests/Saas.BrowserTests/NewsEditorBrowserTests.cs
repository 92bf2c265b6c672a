using System.Globalization;
using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Saas.TestInfrastructure;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// The news editors in a real browser, on an app of their own whose clock the test moves: staff
/// sign in with the second factor, schedule an article, and residents see it exactly when its time
/// comes; every editor page passes axe in every theme at phone and laptop width; editing works by keyboard.
/// </summary>
[Collection(NewsEditorBrowserFixture.Name)]
public sealed class NewsEditorBrowserTests(NewsEditorBrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Given_staff_signed_in_with_two_factor_When_they_schedule_an_article_a_minute_ahead_Then_residents_see_it_only_once_the_clock_gets_there()
    {
        var page = await app.NewPageAsync(Viewports.Desktop);
        var origin = app.Origin(DemoTowns.BadBelzig);
        await app.Staff[DemoTowns.BadBelzig].SignInAsync(page, origin, app.Clock);

        var now = app.Clock.GetUtcNow();
        var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        await page.GotoAsync($"{origin}/admin/aktuelles/neu");
        await page.FillAsync("#f-title", "Neue Öffnungszeiten der Bibliothek");
        await page.FillAsync("#f-teaser", "Ab sofort auch samstags geöffnet.");
        await page.FillAsync("#f-body", "Die **Stadtbibliothek** öffnet ab sofort auch samstags von 9 bis 12 Uhr.");
        await page.FillAsync("#f-publishat", Local(due));
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/aktuelles/*?gespeichert=1");
        Assert.Contains("Geplant", await page.Locator("main .status").First.InnerTextAsync());

        var resident = await app.NewPageAsync(Viewports.Phone);
        await resident.GotoAsync($"{origin}/aktuelles");
        Assert.Equal(0, await resident.GetByText("Neue Öffnungszeiten der Bibliothek").CountAsync());
        Assert.Equal(404, (await resident.GotoAsync($"{origin}/aktuelles/neue-oeffnungszeiten-der-bibliothek"))!.Status);

        app.Clock.SetTo(due.AddSeconds(-1));
        await resident.GotoAsync($"{origin}/aktuelles");
        Assert.Equal(0, await resident.GetByText("Neue Öffnungszeiten der Bibliothek").CountAsync());

        app.Clock.SetTo(due);
        await resident.GotoAsync($"{origin}/aktuelles");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Neue Öffnungszeiten der Bibliothek" }).ClickAsync();
        await resident.WaitForURLAsync("**/aktuelles/neue-oeffnungszeiten-der-bibliothek");
        Assert.Contains("auch samstags von 9 bis 12 Uhr", await resident.Locator("main .prose").InnerTextAsync());
        await Artifacts.ScreenshotAsync(resident, "news-scheduled-resident", fullPage: false);
        await page.Context.CloseAsync();
        await resident.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(DemoTowns.TownsAndWidths), MemberType = typeof(DemoTowns))]
    public async Task Given_each_theme_and_width_When_the_news_editor_pages_are_checked_Then_axe_finds_no_violations(string town, int width)
    {
        var page = await app.NewPageAsync(width);
        var origin = app.Origin(town);
        await app.Staff[town].SignInAsync(page, origin, app.Clock);
        var problems = new List<string>();
        async Task CheckAsync(string what)
        {
            var result = await Axe.RunWcagAsync(page);
            problems.AddRange(result.Violations.Select(v => $"{what}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            var noScroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
            if (!noScroll)
            {
                problems.Add($"{what}: scrolls sideways at {width} px");
            }
        }

        await page.GotoAsync($"{origin}/admin/aktuelles");
        await CheckAsync("list");
        await page.GotoAsync($"{origin}/admin/aktuelles/neu");
        await CheckAsync("new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await page.Locator(".alert--error").WaitForAsync();
        await CheckAsync("new with errors");
        await page.FillAsync("#f-title", $"Barrierefrei {width}");
        await page.FillAsync("#f-body", "## Zwischenüberschrift\n\n- eins\n- zwei\n\n[Rathaus](https://example.org)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau anzeigen" }).First.ClickAsync();
        await page.Locator("#preview-title").WaitForAsync();
        await CheckAsync("preview");
        await page.FillAsync("#f-teaser", "Kurz.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**?gespeichert=1");
        await CheckAsync("edit");
        var edit = page.Url.Split('?')[0];
        await page.GotoAsync($"{edit}/loeschen");
        await CheckAsync("delete");
        await page.GotoAsync($"{origin}/admin/aktuelles/kategorien");
        await CheckAsync("categories");
        await page.FillAsync("#f-name", $"Prüfung {width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kategorie anlegen" }).ClickAsync();
        await page.WaitForURLAsync("**erledigt=angelegt");
        // The hidden part is positioned absolutely, so Chromium joins it with a space: "Löschen : Prüfung …".
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Löschen ?: Prüfung {width}$") }).ClickAsync();
        await CheckAsync("category delete");
        if (width == Viewports.Phone && town == DemoTowns.WiesenburgMark)
        {
            await page.GotoAsync(edit);
            await Artifacts.ScreenshotAsync(page, "news-editor-phone", fullPage: true);
        }
        await page.Context.CloseAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Given_only_a_keyboard_When_staff_write_and_save_an_article_Then_every_field_and_button_is_reached_and_it_is_saved()
    {
        var page = await app.NewPageAsync(Viewports.Desktop);
        var origin = app.Origin(DemoTowns.Treuenbrietzen);
        await app.Staff[DemoTowns.Treuenbrietzen].SignInAsync(page, origin, app.Clock);
        await page.GotoAsync($"{origin}/admin/aktuelles/neu");

        async Task TabToAsync(string id)
        {
            for (var i = 0; i < 60; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
                {
                    return;
                }
            }
            throw new Xunit.Sdk.XunitException($"Tab never reached #{id}");
        }
        await TabToAsync("f-title");
        await page.Keyboard.TypeAsync("Nur mit der Tastatur");
        await TabToAsync("f-teaser");
        await page.Keyboard.TypeAsync("Geschrieben ohne Maus.");
        await TabToAsync("f-body");
        await page.Keyboard.TypeAsync("Auch der *Text*.");
        await TabToAsync("f-urgent");
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 60 && await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''") != "Speichern"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        var focusVisible = await page.EvaluateAsync<bool>("() => getComputedStyle(document.activeElement).outlineStyle !== 'none'");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**?gespeichert=1");
        output.WriteLine(page.Url);

        Assert.True(focusVisible, "the save button shows no focus indicator");
        Assert.Equal("Nur mit der Tastatur", await page.InputValueAsync("#f-title"));
        Assert.True(await page.IsCheckedAsync("#f-urgent"));
        await page.Context.CloseAsync();
    }


    private static string Local(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}

/// <summary>An app of its own (demo towns, a hand-moved clock) with one Editor per demo town, and a browser.</summary>
public sealed class NewsEditorBrowserFixture : IAsyncLifetime
{
    public const string Name = "Browser 3: news editors on a moved clock";

    private BrowserHost? _host;

    public TestClock Clock { get; } = new();

    public Dictionary<string, StaffAccount> Staff { get; } = [];

    private BrowserHost Host => _host ?? throw new InvalidOperationException("not started");

    public string Origin(string slug) => $"{Host.Scheme}://{slug}.localhost:{Host.Port}";

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartAsync(Clock, https: true);
        foreach (var town in DemoTowns.All)
        {
            Staff[town] = await StaffAccount.CreateAsync(Host.Services, town, $"redaktion@{town}.example");
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public async Task<IPage> NewPageAsync(int width)
    {
        var context = await Host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = width, Height = Viewports.HeightFor(width) },
            IgnoreHTTPSErrors = true, // the app's throwaway self-signed certificate
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [CollectionDefinition(Name)]
    public sealed class Definition : ICollectionFixture<NewsEditorBrowserFixture>;
}
