using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// The town's staff and the vendor's support in a real browser: a TenantAdmin signs in with
/// password and authenticator code and changes the town's colour, which residents see at once;
/// a support engineer opens a town from /support, starts support access with a reason, works in
/// the town's /admin under a banner, ends it from the banner, and the town's audit log shows it all.
/// </summary>
[Collection(AccountsBrowserFixture.Name)]
public sealed class StaffAndSupportBrowserTests(AccountsBrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Given_a_TenantAdmin_signed_in_with_two_factor_When_they_save_a_new_primary_colour_Then_the_residents_page_shows_it()
    {
        var town = DemoTowns.BadBelzig; // klassisch: the header's top border is the primary colour
        var origin = app.Origin(town);
        var staff = await app.NewPageAsync(Viewports.Desktop);
        await app.Admins[town].SignInAsync(staff, origin, app.Clock);
        await staff.GotoAsync($"{origin}/admin/gestaltung");
        var original = await staff.InputValueAsync("#primaryColor");
        Assert.NotEqual("#1f5f3a", original);
        try
        {
            await SavePrimaryColourAsync(staff, "#1f5f3a");

            var resident = await app.NewPageAsync(Viewports.Phone);
            await resident.GotoAsync($"{origin}/");
            Assert.Equal("rgb(31, 95, 58)", await resident.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).borderTopColor"));
            await resident.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.ScreenshotFolder, "branding-changed-resident.png") });
            await resident.Context.CloseAsync();
        }
        finally
        {
            // The demo town keeps its seeded look for the other tests of this app.
            await SavePrimaryColourAsync(staff, original);
            await staff.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Given_a_support_engineer_When_they_start_support_access_with_a_reason_and_end_it_from_the_banner_Then_the_town_admin_sees_it_in_the_audit_log()
    {
        var town = DemoTowns.Treuenbrietzen;
        var origin = app.Origin(town);
        var reason = $"Anfrage {app.Unique("ticket")}: Öffnungszeiten prüfen";
        var page = await app.NewPageAsync(Viewports.Desktop);
        var checks = new PageChecks(page, Viewports.Desktop);

        await app.Support.SignInAsync(page, app.PlatformOrigin, app.Clock);
        await page.GetByRole(AriaRole.Link, new() { Name = "Treuenbrietzen", Exact = false }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/support/gemeinden/*");
        await KeyboardOnly.ActivateAsync(page, "Support-Zugang starten");
        await page.WaitForURLAsync("**/zugang");
        await KeyboardOnly.TabToAsync(page, "reason");
        await page.Keyboard.TypeAsync(reason);
        await KeyboardOnly.ActivateAsync(page, "Zugang starten");

        await page.WaitForURLAsync($"{origin}/admin");
        var banner = page.Locator(".support-banner");
        await Assertions.Expect(banner).ToContainTextAsync($"Support-Zugang: {app.Support.DisplayName}");
        await Assertions.Expect(banner).ToContainTextAsync($"Grund: {reason}");
        await checks.CheckAsync("admin dashboard with the support banner");
        await page.GotoAsync($"{origin}/");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await checks.CheckAsync("resident home with the support banner");
        await page.GotoAsync($"{origin}/admin/seiten");
        await Assertions.Expect(banner).ToBeVisibleAsync();

        await KeyboardOnly.ActivateAsync(page, "Zugang beenden");
        // From an /admin page: its exit form carries a token bound to the staff session, not to a resident.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(app.PlatformOrigin)}/support/gemeinden/[0-9a-f-]+\\?zugang=beendet$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Der Support-Zugang wurde beendet.");
        await page.GotoAsync($"{origin}/admin");
        Assert.Contains("/admin/anmelden", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await banner.CountAsync());
        await page.Context.CloseAsync();

        var admin = await app.NewPageAsync(Viewports.Phone);
        await app.Admins[town].SignInAsync(admin, origin, app.Clock);
        await admin.GotoAsync($"{origin}/admin/protokoll?art=support");
        var log = await admin.Locator("main table").InnerTextAsync();
        output.WriteLine(log);
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.ScreenshotFolder, "admin-audit-log-support-phone.png"), FullPage = true });
        Assert.Contains("Support-Zugang gewährt", log, StringComparison.Ordinal);
        Assert.Contains("Support-Zugang begonnen", log, StringComparison.Ordinal);
        Assert.Contains("Support-Zugang beendet", log, StringComparison.Ordinal);
        Assert.Contains(reason, log, StringComparison.Ordinal);
        Assert.Contains($"{app.Support.DisplayName} (Support)", log, StringComparison.Ordinal);
        await admin.Context.CloseAsync();

        checks.AssertNone();
    }

    /// <summary>Sets the colour field and saves with the keyboard (a colour input's picker is no keyboard friend, its value is set directly).</summary>
    private static async Task SavePrimaryColourAsync(IPage staff, string colour)
    {
        await staff.FillAsync("#primaryColor", colour);
        await staff.FocusAsync("#primaryColor");
        await KeyboardOnly.ActivateAsync(staff, "Speichern");
        await staff.WaitForURLAsync("**/admin/gestaltung?gespeichert=true");
        await Assertions.Expect(staff.Locator("main .alert--success")).ToContainTextAsync("Gespeichert.");
        Assert.Equal(colour, await staff.InputValueAsync("#primaryColor"));
    }
}
