using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Saas.TestInfrastructure.Mail;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// The appointment staff pages pass axe-core's WCAG 2.1 A/AA rules in every theme at phone and
/// laptop width and reflow at 360 px; the day plan works by keyboard alone (mark a booking attended).
/// </summary>
[Collection(AccountsBrowserFixture.Bookings)]
public sealed class AppointmentsAdminBrowserTests(AccountsBrowserFixture app, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(DemoTowns.TownsAndWidths), MemberType = typeof(DemoTowns))]
    public async Task Given_each_theme_and_width_When_the_appointment_staff_pages_are_checked_Then_axe_finds_no_violations_and_nothing_scrolls_sideways(string town, int width)
    {
        var origin = app.Origin(town);
        var page = await app.NewPageAsync(width);
        var checks = new PageChecks(page, width);
        var (service, location, booking, day) = await BookAsync(page, origin, $"Bürgerin {width}");

        await app.Admins[town].SignInAsync(page, origin, app.Clock, checks.CheckAsync);
        await checks.VisitAsync("appointments overview", $"{origin}/admin/termine");
        await checks.VisitAsync("new service", $"{origin}/admin/termine/dienstleistung");
        // The error state: summary on top, fields marked invalid and described by their messages.
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main .alert--error").WaitForAsync();
        await checks.CheckAsync("new service with errors");
        await checks.VisitAsync("service editor", $"{origin}/admin/termine/dienstleistung/{service}");
        await checks.VisitAsync("new location", $"{origin}/admin/termine/standort");
        await checks.VisitAsync("location sheet", $"{origin}/admin/termine/standort/{location}");
        await page.Locator("form[action$='handler=Special'] button[type=submit]").ClickAsync();
        await page.Locator("main .alert--error").WaitForAsync();
        await checks.CheckAsync("location sheet with errors");
        await checks.VisitAsync("day plan", $"{origin}/admin/termine/tagesplan?tag={day}");
        await checks.VisitAsync("week plan", $"{origin}/admin/termine/woche?ab={day}");
        await checks.VisitAsync("cancel booking", $"{origin}/admin/termine/buchung/{booking}/absagen");
        await checks.VisitAsync("print view", $"{origin}/admin/termine/tagesplan/druck?tag={day}");
        await checks.VisitAsync("export", $"{origin}/admin/termine/export");
        await checks.VisitAsync("dashboard", $"{origin}/admin");
        await page.Context.CloseAsync();

        output.WriteLine($"{town} at {width}px: {checks.Problems.Count} problem(s)");
        checks.AssertNone();
    }

    [Fact]
    public async Task Given_the_day_plan_When_staff_use_only_the_keyboard_Then_they_reach_and_mark_a_booking_attended()
    {
        var origin = app.Origin(DemoTowns.BadBelzig);
        var page = await app.NewPageAsync(Viewports.Desktop);
        var name = $"Tastatur {app.Unique("person")}";
        var (_, _, booking, day) = await BookAsync(page, origin, name);
        await app.Admins[DemoTowns.BadBelzig].SignInAsync(page, origin, app.Clock, _ => Task.CompletedTask);
        await page.GotoAsync($"{origin}/admin/termine/tagesplan?tag={day}");

        await KeyboardOnly.TabToMatchAsync(page, $"#b-{booking} button[value=attended]", maxTabs: 150);
        Assert.Contains(name, await page.EvaluateAsync<string>("() => document.activeElement.innerText"), StringComparison.Ordinal); // named for screen readers
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**erledigt=markiert**");

        var row = page.Locator($"#b-{booking}");
        Assert.Contains("Erschienen", await row.Locator("td").Nth(3).InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Books the first free slot of the town's first service through the resident API, from inside the
    /// page (the browser resolves the towns' *.localhost names); returns the ids and the local day.
    /// </summary>
    private async Task<(Guid Service, Guid Location, Guid Booking, string Day)> BookAsync(IPage page, string origin, string name)
    {
        await page.GotoAsync($"{origin}/termine");
        async Task<JsonElement> CallAsync(string path, object? body = null) => JsonDocument.Parse(await page.EvaluateAsync<string>(
            """
            async ([path, body]) => {
              const response = await fetch(path, body === null ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
              return JSON.stringify({ status: response.status, body: await response.json() });
            }
            """, new object?[] { path, body })).RootElement;
        var services = (await CallAsync("/api/v1/appointments/services")).GetProperty("body");
        var first = services[0];
        var service = first.GetProperty("id").GetGuid();
        var location = first.GetProperty("location").GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slots = (await CallAsync($"/api/v1/appointments/slots?serviceId={service}&from={from}&to={to}")).GetProperty("body");
        var start = slots.GetProperty("slots")[0].GetProperty("start").GetString()!;
        var email = $"{app.Unique("termin")}@example.org";
        var booked = await CallAsync("/api/v1/appointments/bookings", new { serviceId = service, start, name, email });
        Assert.True(booked.GetProperty("status").GetInt32() == 201, $"booking refused: {booked}");
        // A hold until the resident confirms through the mailed link; staff plans show confirmed appointments.
        var hold = await app.Mail.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith("Bitte bestätigen", StringComparison.Ordinal));
        await page.GotoAsync(origin + hold.FirstLink("/termine/bestaetigen/").PathAndQuery);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Ihr Termin ist bestätigt");
        return (service, location, booked.GetProperty("body").GetProperty("id").GetGuid(), start[..10]);
    }
}
