using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Data;
using Saas.Modules.WasteCalendar.Reminders;
using Saas.TestInfrastructure.Mail;

namespace Saas.BrowserTests;

/// <summary>
/// A resident orders waste reminders in a real browser: from the area's page to the form, the opt-in
/// mail from the real SMTP listener, its confirmation button, and the unsubscribe page of the reminders
/// (its GET only asks; the button unsubscribes). Every step passes axe-core.
/// </summary>
[Collection(AccountsBrowserFixture.Name)]
public sealed class WasteReminderBrowserTests(AccountsBrowserFixture app)
{
    [Fact]
    public async Task Given_a_resident_When_ordering_a_reminder_confirming_it_and_unsubscribing_Then_each_step_works_and_passes_axe()
    {
        var origin = app.Origin(DemoTowns.BadBelzig);
        var email = $"{app.Unique("tonne")}@example.org";
        var page = await app.NewPageAsync(Viewports.Phone);
        var checks = new PageChecks(page, Viewports.Phone);

        var area = await AccessibilityTests.FirstWasteAreaPathAsync(page, origin);
        await page.GotoAsync(origin + area);
        await page.GetByRole(AriaRole.Link, new() { Name = "Erinnerung bestellen" }).ClickAsync();
        await page.WaitForURLAsync("**/abfall/erinnerung?gebiet=*");
        await checks.CheckAsync("reminder form");
        await Artifacts.ScreenshotAsync(page, "waste-reminder-form-phone");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Wann?").SelectOptionAsync("morgen-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erinnerung bestellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Bitte sehen Sie in Ihr Postfach");
        await checks.CheckAsync("reminder ordered");
        await Artifacts.ScreenshotAsync(page, "waste-reminder-ordered-phone");

        var optIn = await app.Mail.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith("Bitte bestätigen", StringComparison.Ordinal));
        await page.GotoAsync(origin + optIn.FirstLink("/abfall/erinnerung/bestaetigen").PathAndQuery);
        await checks.CheckAsync("confirm page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, Erinnerung bestätigen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("bestätigt");
        await checks.CheckAsync("confirmed");

        // The unsubscribe link every reminder carries (the reminder job itself is tested with the SMTP listener in the integration tests).
        var link = await UnsubscribeLinkAsync(email);
        await page.GotoAsync(origin + link);
        await checks.CheckAsync("unsubscribe page");
        await Artifacts.ScreenshotAsync(page, "waste-unsubscribe-phone");
        Assert.True(await IsSubscribedAsync(email), "Opening the unsubscribe link must not unsubscribe.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, abbestellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Sie sind abgemeldet");
        await checks.CheckAsync("unsubscribed");
        Assert.False(await IsSubscribedAsync(email));
    }

    private async Task<string> UnsubscribeLinkAsync(string email) => await InTownAsync(async services =>
    {
        var db = services.GetRequiredService<WasteDbContext>();
        var subscription = db.Subscriptions.Single(s => s.Email == email && s.ConfirmedAt != null);
        var town = services.GetRequiredService<ITenantContext>().TenantId!.Value;
        return await Task.FromResult(WasteLinks.Unsubscribe("x", services.GetRequiredService<SubscriptionTokens>().Unsubscribe(town, subscription.Id)).PathAndQuery);
    });

    private Task<bool> IsSubscribedAsync(string email) =>
        InTownAsync(services => Task.FromResult(services.GetRequiredService<WasteDbContext>().Subscriptions.Any(s => s.Email == email)));

    private async Task<T> InTownAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        var town = app.Services.GetRequiredService<TenantRegistry>().FindBySlug(DemoTowns.BadBelzig) ?? throw new InvalidOperationException("no demo town");
        using var _ = AmbientTenant.Begin(town);
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
