using Microsoft.Playwright;
using MimeKit;
using Saas.BrowserTests.Infrastructure;
using Saas.TestInfrastructure.Mail;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// The resident's appointment pages in a real browser: booking, confirming, rescheduling and cancelling by
/// keyboard alone with the mails from the real SMTP listener, and axe-core plus 360 px reflow on every
/// page (and its error and done states) in every theme.
/// </summary>
[Collection(AccountsBrowserFixture.Bookings)]
public sealed class AppointmentBookingBrowserTests(AccountsBrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Given_a_resident_without_an_account_When_booking_confirming_rescheduling_and_cancelling_by_keyboard_only_Then_every_step_works()
    {
        var origin = app.Origin(DemoTowns.BadBelzig);
        var email = $"{app.Unique("tastatur")}@example.org";
        var page = await app.NewPageAsync(Viewports.Desktop);
        var checks = new PageChecks(page, Viewports.Desktop);

        await page.GotoAsync($"{origin}/termine");
        await KeyboardOnly.TabToMatchAsync(page, "main a.button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/termine/*");
        await KeyboardOnly.TabToMatchAsync(page, "main a.filter-nav__link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**tag=*");
        await KeyboardOnly.TabToMatchAsync(page, "#time-first");
        await page.Keyboard.PressAsync("Space");
        var bookedTime = await page.Locator("label[for=time-first]").InnerTextAsync();
        await KeyboardOnly.TabToMatchAsync(page, "#name");
        await page.Keyboard.TypeAsync("Karla Tastatur");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Fast geschafft");
        await checks.CheckAsync("hold");

        var hold = await app.Mail.WaitForMessageAsync(m => To(m, email) && (m.Subject ?? "").StartsWith("Bitte bestätigen", StringComparison.Ordinal));
        await page.GotoAsync(origin + hold.FirstLink("/termine/bestaetigen/").PathAndQuery);
        await KeyboardOnly.TabToMatchAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Ihr Termin ist bestätigt");
        await checks.CheckAsync("confirmed");

        var confirmation = await app.Mail.WaitForMessageAsync(m => To(m, email) && (m.Subject ?? "").StartsWith("Ihr Termin", StringComparison.Ordinal));
        Assert.Contains(confirmation.Attachments.OfType<MimePart>(), a => a.FileName == "termin.ics");
        await page.GotoAsync(origin + confirmation.FirstLink("/termine/verschieben/").PathAndQuery);
        await KeyboardOnly.TabToMatchAsync(page, "main a.filter-nav__link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**tag=*");
        var newDay = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["tag"];
        await KeyboardOnly.TabToMatchAsync(page, "#time-first");
        await page.Keyboard.PressAsync("Space");
        var newTime = await page.Locator("label[for=time-first]").InnerTextAsync();
        await KeyboardOnly.TabToMatchAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Termin verschoben");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync(newTime);
        await checks.CheckAsync("rescheduled");
        output.WriteLine($"booked {bookedTime}, moved to {newTime}");

        // Staff see the moved appointment in the day plan of its new day.
        var staff = await app.NewPageAsync(Viewports.Desktop);
        await app.Admins[DemoTowns.BadBelzig].SignInAsync(staff, origin, app.Clock, _ => Task.CompletedTask);
        await staff.GotoAsync($"{origin}/admin/termine/tagesplan?tag={newDay}");
        var row = staff.Locator("main tr", new() { HasText = "Karla Tastatur" });
        await Assertions.Expect(row).ToContainTextAsync(System.Text.RegularExpressions.Regex.Match(newTime, @"\d{1,2}:\d{2}").Value);

        // The cancel link of the first confirmation still works: the move kept the booking and its token.
        await page.GotoAsync(origin + confirmation.FirstLink("/termine/absagen/").PathAndQuery);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(newTime);
        await KeyboardOnly.TabToMatchAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Termin abgesagt");
        await checks.CheckAsync("cancelled");
        await staff.ReloadAsync();
        // The day plan keeps the row, marked as cancelled, so the counter knows nobody is coming.
        await Assertions.Expect(staff.Locator("main tr", new() { HasText = "Karla Tastatur" })).ToContainTextAsync("Abgesagt");
        await staff.Context.CloseAsync();
        await page.Context.CloseAsync();
        checks.AssertNone();
    }

    [Theory]
    [MemberData(nameof(DemoTowns.TownsAndWidths), MemberType = typeof(DemoTowns))]
    public async Task Given_each_theme_and_width_When_the_resident_appointment_pages_are_checked_Then_axe_finds_no_violations_and_nothing_scrolls_sideways(string town, int width)
    {
        var origin = app.Origin(town);
        var email = $"{app.Unique("axe-termin")}@example.org";
        var page = await app.NewPageAsync(width);
        var checks = new PageChecks(page, width);

        await checks.VisitAsync("services", $"{origin}/termine");
        await page.Locator("main a.button").First.ClickAsync();
        await page.WaitForURLAsync("**/termine/*");
        await checks.CheckAsync("days");
        var service = page.Url;
        await page.Locator("main a.filter-nav__link").First.ClickAsync();
        await page.WaitForURLAsync("**tag=*");
        await checks.CheckAsync("times");
        await ScreenshotAsync(page, town, width, "times");
        // The error state: an address the server refuses (the browser's own check lets it pass).
        await page.Locator("#time-first").CheckAsync();
        await page.FillAsync("#name", "Axel Prüfer");
        await page.FillAsync("#email", "axel@beispiel");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main .error-summary").WaitForAsync();
        await checks.CheckAsync("booking with errors");
        await page.Locator("#time-first").CheckAsync();
        await page.FillAsync("#email", email);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main [role=status]").WaitForAsync();
        await checks.CheckAsync("hold");

        var hold = await app.Mail.WaitForMessageAsync(m => To(m, email) && (m.Subject ?? "").StartsWith("Bitte bestätigen", StringComparison.Ordinal));
        var confirmLink = origin + hold.FirstLink("/termine/bestaetigen/").PathAndQuery;
        await checks.VisitAsync("confirm", confirmLink);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main [role=status]").WaitForAsync();
        await checks.CheckAsync("confirmed");
        await ScreenshotAsync(page, town, width, "confirmed");

        var confirmation = await app.Mail.WaitForMessageAsync(m => To(m, email) && (m.Subject ?? "").StartsWith("Ihr Termin", StringComparison.Ordinal));
        await checks.VisitAsync("reschedule", origin + confirmation.FirstLink("/termine/verschieben/").PathAndQuery);
        await page.Locator("main a.filter-nav__link").First.ClickAsync();
        await page.WaitForURLAsync("**tag=*");
        await checks.CheckAsync("reschedule times");
        await ScreenshotAsync(page, town, width, "reschedule");
        await page.Locator("#time-first").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main [role=status]").WaitForAsync();
        await checks.CheckAsync("rescheduled");
        await checks.VisitAsync("cancel", origin + confirmation.FirstLink("/termine/absagen/").PathAndQuery);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main [role=status]").WaitForAsync();
        await checks.CheckAsync("cancelled");

        // A signed-in resident: the form without the address field, booked at once, "Meine Termine".
        var resident = await ResidentAccount.CreateAsync(app.Services, town, $"{app.Unique("meine")}@example.org", "Mia Meine");
        await resident.SignInAsync(page, origin);
        await page.GotoAsync(service);
        await page.Locator("main a.filter-nav__link").First.ClickAsync();
        await page.WaitForURLAsync("**tag=*");
        await checks.CheckAsync("times signed in");
        await page.Locator("#time-first").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main [role=status]").WaitForAsync();
        await checks.CheckAsync("booked signed in");
        await checks.VisitAsync("my appointments", $"{origin}/termine/meine");
        await ScreenshotAsync(page, town, width, "mine");
        await page.Context.CloseAsync();

        // A hold nobody confirmed: 15 minutes later the link says so.
        page = await app.NewPageAsync(width);
        var late = new PageChecks(page, width);
        var unconfirmed = $"{app.Unique("spaet")}@example.org";
        await page.GotoAsync(service);
        await page.Locator("main a.filter-nav__link").First.ClickAsync();
        await page.WaitForURLAsync("**tag=*");
        await page.Locator("#time-first").CheckAsync();
        await page.FillAsync("#name", "Lars Spät");
        await page.FillAsync("#email", unconfirmed);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main [role=status]").WaitForAsync();
        var lateHold = await app.Mail.WaitForMessageAsync(m => To(m, unconfirmed) && (m.Subject ?? "").StartsWith("Bitte bestätigen", StringComparison.Ordinal));
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            await late.VisitAsync("expired hold", origin + lateHold.FirstLink("/termine/bestaetigen/").PathAndQuery, status: 410);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-16));
        }
        await page.Context.CloseAsync();

        checks.Problems.AddRange(late.Problems);
        output.WriteLine($"{town} at {width}px: {checks.Problems.Count} problem(s)");
        checks.AssertNone();
    }

    /// <summary>One town at phone width is enough to look at; the other cases are for axe.</summary>
    private static async Task ScreenshotAsync(IPage page, string town, int width, string name)
    {
        if (town == DemoTowns.WiesenburgMark && width == Viewports.Phone)
        {
            await Artifacts.ScreenshotAsync(page, $"appointments-{name}-phone");
        }
    }

    private static bool To(MimeMessage m, string email) => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase));

}
