using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Saas.Host.Accounts;
using Saas.Kernel.Security;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// Every page of the resident accounts, the town's /admin and the support console passes axe-core's
/// WCAG 2.1 A/AA rules in every theme, at phone and laptop width, and reflows at 360 px without
/// horizontal scrolling. One test case per town × width walks all of its pages in one browser
/// context (page loads are what this suite's time goes on), including the error state of a form.
/// </summary>
[Collection(AccountsBrowserFixture.Name)]
public sealed class AccountPagesAccessibilityTests(AccountsBrowserFixture app, ITestOutputHelper output)
{
    public static TheoryData<int> Widths() => [Viewports.Phone, Viewports.Desktop];

    [Theory]
    [MemberData(nameof(DemoTowns.TownsAndWidths), MemberType = typeof(DemoTowns))]
    public async Task Given_each_theme_and_width_When_the_resident_account_pages_are_checked_Then_axe_finds_no_violations_and_nothing_scrolls_sideways(string town, int width)
    {
        var resident = await ResidentAccount.CreateAsync(app.Services, town, $"{app.Unique("bewohner")}@example.org", "Renate Prüfer");
        var page = await app.NewPageAsync(width);
        var origin = app.Origin(town);
        var checks = new PageChecks(page, width);

        await checks.VisitAsync("register", $"{origin}/konto/registrieren");
        await checks.VisitAsync("forgot password", $"{origin}/konto/passwort-vergessen");
        await checks.VisitAsync("resend confirmation", $"{origin}/konto/bestaetigung-erneut");
        await checks.VisitAsync("invalid confirmation link", $"{origin}/konto/bestaetigen?konto={Guid.NewGuid()}&code=abgelaufen");
        await checks.VisitAsync("invalid reset link", $"{origin}/konto/passwort-zuruecksetzen?konto={Guid.NewGuid()}&code=abgelaufen");
        await checks.VisitAsync("invalid e-mail change link", $"{origin}/konto/email-bestaetigen?konto={Guid.NewGuid()}&adresse=neu%40example.org&code=abgelaufen");
        await checks.VisitAsync("account deleted", $"{origin}/konto/geloescht");
        await checks.VisitAsync("sign-in", $"{origin}/konto/anmelden");
        // The error state: the summary at the top, the fields marked invalid and described by their message.
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main .error-summary").WaitForAsync();
        await checks.CheckAsync("sign-in with errors");

        await resident.SignInAsync(page, origin);
        await checks.CheckAsync("account overview");
        await checks.VisitAsync("change e-mail", $"{origin}/konto/email");
        await checks.VisitAsync("change password", $"{origin}/konto/passwort");
        await checks.VisitAsync("my data", $"{origin}/konto/daten");
        await checks.VisitAsync("co-working booking form", $"{origin}/coworking");
        await checks.VisitAsync("my co-working bookings", $"{origin}/coworking/meine");
        await page.Context.CloseAsync();

        output.WriteLine($"{town} at {width}px: {checks.Problems.Count} problem(s)");
        checks.AssertNone();
    }

    [Theory]
    [MemberData(nameof(DemoTowns.TownsAndWidths), MemberType = typeof(DemoTowns))]
    public async Task Given_each_theme_and_width_When_the_waste_calendar_and_job_offer_admin_pages_are_checked_Then_axe_finds_no_violations_and_nothing_scrolls_sideways(string town, int width)
    {
        var origin = app.Origin(town);
        var page = await app.NewPageAsync(width);
        var checks = new PageChecks(page, width);

        await app.Admins[town].SignInAsync(page, origin, app.Clock, checks.CheckAsync);
        await checks.VisitAsync("waste calendar", $"{origin}/admin/abfall");
        var area = await page.Locator("main a[href^='/admin/abfall/gebiete/']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(area), $"{origin}/admin/abfall links no area.");
        await checks.VisitAsync("waste area", $"{origin}{area}?jahr=2027");
        await checks.VisitAsync("waste notices", $"{origin}/admin/abfall/hinweise");
        await checks.VisitAsync("waste rules", $"{origin}/admin/abfall/regeln");
        await checks.VisitAsync("waste import", $"{origin}/admin/abfall/import");
        // The preview of a file with an unreadable line: the report names the line, and that page must pass too.
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "termine.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Datum;Art;Gebiet\n05.01.2028;Restmüll;Nirgendwo\n32.01.2028;Papier;Nirgendwo\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau zeigen" }).ClickAsync();
        await page.Locator("main .alert--error").First.WaitForAsync();
        await checks.CheckAsync("waste import preview with errors");
        if (width == Viewports.Phone && town == DemoTowns.BadBelzig)
        {
            await Artifacts.ScreenshotAsync(page, "admin-waste-import-phone");
        }
        await checks.VisitAsync("new posting", $"{origin}/admin/stellen/stelle");
        await checks.VisitAsync("job offers", $"{origin}/admin/stellen");
        var posting = await page.Locator("main .admin-list a[href^='/admin/stellen/stelle/']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(posting), $"{origin}/admin/stellen links no posting.");
        await checks.VisitAsync("posting editor", $"{origin}{posting}");
        await checks.VisitAsync("applications of a posting", $"{origin}{posting}/bewerbungen");
        await page.Context.CloseAsync();

        output.WriteLine($"{town} at {width}px: {checks.Problems.Count} problem(s)");
        checks.AssertNone();
    }

    [Theory]
    [MemberData(nameof(DemoTowns.TownsAndWidths), MemberType = typeof(DemoTowns))]
    public async Task Given_each_theme_and_width_When_the_admin_pages_are_checked_Then_axe_finds_no_violations_and_nothing_scrolls_sideways(string town, int width)
    {
        var origin = app.Origin(town);
        var page = await app.NewPageAsync(width);
        var checks = new PageChecks(page, width);

        await app.Admins[town].SignInAsync(page, origin, app.Clock, checks.CheckAsync);
        await checks.CheckAsync("dashboard");
        await checks.VisitAsync("pages", $"{origin}/admin/seiten");
        await checks.VisitAsync("page editor", $"{origin}/admin/seiten/welcome");
        await checks.VisitAsync("contact", $"{origin}/admin/seiten/kontakt");
        await checks.VisitAsync("opening hours", $"{origin}/admin/seiten/oeffnungszeiten");
        await checks.VisitAsync("branding", $"{origin}/admin/gestaltung");
        // A colour too pale for white text: the preview refuses it and says why, and that page must pass too.
        await page.FillAsync("#primaryColor", "#f0f0f0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau anzeigen" }).ClickAsync();
        await page.Locator("main .alert--error").WaitForAsync();
        await checks.CheckAsync("branding with a contrast error");
        await checks.VisitAsync("users", $"{origin}/admin/benutzer");
        await checks.VisitAsync("invite", $"{origin}/admin/benutzer/einladen");
        await checks.VisitAsync("audit log", $"{origin}/admin/protokoll");
        await checks.VisitAsync("own domain", $"{origin}/admin/domain");
        // A claimed domain shows the DNS record to publish; long names and tokens must wrap at 360 px.
        await page.FillAsync("#domain", $"buergerservice-{width}.{town}.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" }).ClickAsync();
        await page.Locator("main .domain", new() { HasText = $"buergerservice-{width}.{town}.example" }).Locator(".record").WaitForAsync();
        await checks.CheckAsync("own domain with a pending claim");
        await checks.VisitAsync("co-working front desk", $"{origin}/admin/coworking");
        var space = await page.Locator("main a[href^='/admin/coworking/raum/']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(space), $"{origin}/admin/coworking links no space.");
        await checks.VisitAsync("co-working space", $"{origin}{space}");
        await checks.VisitAsync("new co-working space", $"{origin}/admin/coworking/raum");
        // The error state of the space form: every required field empty.
        await page.Locator("main form.admin-form button[type=submit]").First.ClickAsync();
        await page.Locator("main .alert--error").WaitForAsync();
        await checks.CheckAsync("new co-working space with errors");
        await checks.VisitAsync("co-working figures", $"{origin}/admin/coworking/zahlen");
        if (width == Viewports.Phone && town == DemoTowns.BadBelzig)
        {
            await Artifacts.ScreenshotAsync(page, "admin-audit-log-phone");
            await page.GotoAsync($"{origin}/admin/domain");
            await Artifacts.ScreenshotAsync(page, "admin-domain-phone");
            await page.GotoAsync($"{origin}/admin/benutzer");
            await Artifacts.ScreenshotAsync(page, "admin-users-phone");
            await page.GotoAsync($"{origin}/admin/seiten/oeffnungszeiten");
            await Artifacts.ScreenshotAsync(page, "admin-opening-hours-phone");
            await page.GotoAsync($"{origin}/admin");
            await Artifacts.ScreenshotAsync(page, "admin-dashboard-phone");
        }
        await page.Context.CloseAsync();

        // Enrolment happens once per account: a fresh one, without an authenticator yet.
        var newcomer = await StaffAccount.CreateAsync(app.Services, town, $"{app.Unique("neu")}@{town}.example", Roles.Editor, enrolTotp: false);
        page = await app.NewPageAsync(width);
        var enrolment = new PageChecks(page, width);
        await enrolment.VisitAsync("invalid invitation link", $"{origin}/admin/einladung?konto={Guid.NewGuid()}&code=abgelaufen");
        await page.GotoAsync($"{origin}/admin/anmelden");
        await page.FillAsync("#email", newcomer.Email);
        await page.FillAsync("#password", newcomer.Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync("**/admin/anmelden/einrichten**");
        Assert.Equal(1, await page.Locator("main svg").CountAsync());
        await enrolment.CheckAsync("enrolment with QR code");
        var secret = (await page.Locator("#secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await page.FillAsync("#code", Totp.Code(Base32.Decode(secret), Totp.StepAt(app.Clock.GetUtcNow())));
        await page.PressAsync("#code", "Enter");
        await page.Locator("main .recovery-codes").WaitForAsync();
        await enrolment.CheckAsync("recovery codes");
        if (width == Viewports.Phone && town == DemoTowns.Treuenbrietzen)
        {
            await Artifacts.ScreenshotAsync(page, "admin-recovery-codes-phone");
        }
        await page.Context.CloseAsync();

        checks.Problems.AddRange(enrolment.Problems);
        output.WriteLine($"{town} at {width}px: {checks.Problems.Count} problem(s)");
        checks.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Given_each_width_When_the_support_console_pages_are_checked_Then_axe_finds_no_violations_and_nothing_scrolls_sideways(int width)
    {
        var page = await app.NewPageAsync(width);
        var checks = new PageChecks(page, width);

        await app.Support.SignInAsync(page, app.PlatformOrigin, app.Clock, checks.CheckAsync);
        await checks.CheckAsync("tenant list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bad Belzig", Exact = false }).First.ClickAsync();
        await page.WaitForURLAsync("**/support/gemeinden/*");
        await checks.CheckAsync("tenant detail");
        if (width == Viewports.Phone)
        {
            await Artifacts.ScreenshotAsync(page, "support-tenant-detail-phone", fullPage: false);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Support-Zugang starten" }).ClickAsync();
        await page.WaitForURLAsync("**/zugang");
        await checks.CheckAsync("support access form");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("#reason-error").WaitForAsync();
        await checks.CheckAsync("support access form without a reason");
        await page.Context.CloseAsync();

        // A SupportAdmin's own pages, an invitation link that is no longer valid, and enrolment of a new engineer.
        var chief = await SupportAccount.CreateAsync(app.Services, $"{app.Unique("leitung")}@support.example", Roles.SupportAdmin);
        page = await app.NewPageAsync(width);
        var chiefChecks = new PageChecks(page, width);
        await chief.SignInAsync(page, app.PlatformOrigin, app.Clock);
        await chiefChecks.VisitAsync("support team", $"{app.PlatformOrigin}/support/team");
        await chiefChecks.VisitAsync("support overview", $"{app.PlatformOrigin}/support");
        await page.Context.CloseAsync();
        checks.Problems.AddRange(chiefChecks.Problems);
        var newcomer = await SupportAccount.CreateAsync(app.Services, $"{app.Unique("neu")}@support.example", enrolTotp: false);
        page = await app.NewPageAsync(width);
        var newcomerChecks = new PageChecks(page, width);
        await newcomerChecks.VisitAsync("invalid support invitation link", $"{app.PlatformOrigin}/support/einladung?konto={Guid.NewGuid()}&code=abgelaufen", status: 400);
        await page.GotoAsync($"{app.PlatformOrigin}/support/anmelden");
        await page.FillAsync("#email", newcomer.Email);
        await page.FillAsync("#password", newcomer.Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync("**/support/anmelden/einrichten**");
        Assert.Equal(1, await page.Locator("main svg").CountAsync());
        await newcomerChecks.CheckAsync("support enrolment with QR code");
        await page.Context.CloseAsync();
        checks.Problems.AddRange(newcomerChecks.Problems);

        checks.AssertNone();
    }

}
