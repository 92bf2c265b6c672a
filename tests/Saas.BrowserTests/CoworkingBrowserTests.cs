using Microsoft.Playwright;
using MimeKit;
using Saas.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// Co-working in a real browser: a signed-in resident books a desk for hours by keyboard alone, gets the
/// mail with its calendar entry, cancels, and the desk is free again; axe-core and 360 px reflow on the way.
/// </summary>
[Collection(AccountsBrowserFixture.Bookings)]
public sealed class CoworkingBrowserTests(AccountsBrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Given_a_signed_in_resident_When_booking_a_desk_and_cancelling_by_keyboard_only_Then_the_slot_is_booked_and_free_again()
    {
        var town = DemoTowns.Treuenbrietzen;
        var origin = app.Origin(town);
        var email = $"{app.Unique("schreibtisch")}@example.org";
        var resident = await ResidentAccount.CreateAsync(app.Services, town, email, "Theo Tastatur");
        var page = await app.NewPageAsync(Viewports.Phone);
        var checks = new PageChecks(page, Viewports.Phone);
        await resident.SignInAsync(page, origin);
        // A weekday at least three days ahead: open 08:00–18:00 in the demo recipe, and well before the cancel deadline.
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        var dayPage = $"{origin}/coworking?tag={day:yyyy-MM-dd}";
        var firstDesk = page.Locator("main .card", new() { HasText = "Schreibtisch 1" });

        await checks.VisitAsync("co-working day", dayPage);
        await Assertions.Expect(firstDesk).ToContainTextAsync("Frei: 08:00–18:00");
        await Artifacts.ScreenshotAsync(page, "coworking-phone");
        await KeyboardOnly.TabToMatchAsync(page, "#f-workplace");
        Assert.Equal("Schreibtisch 1", await page.EvalOnSelectorAsync<string>("#f-workplace", "s => s.selectedOptions[0].text"));
        await KeyboardOnly.TabToMatchAsync(page, "input[name=Span]");
        // Into the radio group lands on "Ganzer Tag" (the last); the arrow wraps to "Stunden", default 09:00–12:00.
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.Locator("#f-span-hours").IsCheckedAsync());
        await KeyboardOnly.TabToMatchAsync(page, "#f-rules-accept");
        await page.Keyboard.PressAsync("Space");
        await KeyboardOnly.TabToMatchAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/coworking/meine?erledigt=gebucht");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Ihr Platz ist gebucht");
        await checks.CheckAsync("booked");
        var mail = await app.Mail.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Contains(mail.Attachments.OfType<MimePart>(), a => a.FileName == "coworking.ics");

        await checks.VisitAsync("co-working day booked", dayPage);
        await Assertions.Expect(firstDesk).ToContainTextAsync("Frei: 08:00–09:00, 12:00–18:00");
        await page.GotoAsync($"{origin}/coworking/meine");
        await KeyboardOnly.TabToMatchAsync(page, "main form[action*=Cancel] button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/coworking/meine?erledigt=abgesagt");
        await checks.CheckAsync("cancelled");

        await checks.VisitAsync("co-working day free again", dayPage);
        await Assertions.Expect(firstDesk).ToContainTextAsync("Frei: 08:00–18:00");
        // The error state: booking without accepting the house rules.
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main .error-summary").WaitForAsync();
        await Assertions.Expect(page.Locator("main .error-summary")).ToContainTextAsync("Bitte bestätigen Sie die Hausordnung.");
        await checks.CheckAsync("co-working booking with errors");
        await Artifacts.ScreenshotAsync(page, "coworking-errors-phone");
        await page.Context.CloseAsync();

        output.WriteLine($"{checks.Problems.Count} problem(s)");
        checks.AssertNone();
    }
}
