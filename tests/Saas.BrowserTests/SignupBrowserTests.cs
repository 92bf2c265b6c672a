using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.BrowserTests;

/// <summary>
/// A municipality signs up on a phone by keyboard: a wrong municipality key comes back as an
/// error summary that passes axe, the corrected form is sent, and the mailed link brings the town
/// online, reachable at once.
/// </summary>
[Collection(AccountsBrowserFixture.Name)]
public sealed class SignupBrowserTests(AccountsBrowserFixture app)
{
    [Fact]
    public async Task Given_a_municipality_When_it_signs_up_by_keyboard_and_confirms_the_mailed_link_Then_its_portal_is_online()
    {
        var slug = app.Unique("kleinau");
        var email = $"{slug}@example.org";
        var page = await app.NewPageAsync(Viewports.Phone);

        await page.GotoAsync($"{app.PlatformOrigin}/registrieren");
        await TypeIntoAsync(page, "municipality", "Kleinau");
        await KeyboardOnly.TabToAsync(page, "federalstate");
        await page.Keyboard.TypeAsync("Brandenburg"); // a closed select takes typed letters
        await TypeIntoAsync(page, "ags", "13069999");
        await TypeIntoAsync(page, "slug", slug);
        await Assertions.Expect(page.Locator("#slug-status")).ToContainTextAsync("ist frei");
        await TypeIntoAsync(page, "adminname", "Karla Kleinau");
        await TypeIntoAsync(page, "email", email);
        await TypeIntoAsync(page, "password", "Dorfteich Linde Kirchturm");
        await KeyboardOnly.TabToAsync(page, "acceptedterms");
        await page.Keyboard.PressAsync("Space");
        await KeyboardOnly.ActivateAsync(page, "Registrieren");

        // The key belongs to Mecklenburg-Vorpommern: the summary says so and links to the field.
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("gehört zu einem anderen Bundesland");
        var axe = await Axe.RunWcagAsync(page);
        Assert.True(axe.Violations.Length == 0, Axe.Describe(axe, "signup with errors"));
        Assert.Null(await Reflow.OverflowAsync(page));
        await Artifacts.ScreenshotAsync(page, "signup-errors-phone");
        await Assertions.Expect(summary.Locator("a[href='#ags']")).ToBeVisibleAsync();
        await KeyboardOnly.TabToAsync(page, "ags");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("12069999");
        await TypeIntoAsync(page, "password", "Dorfteich Linde Kirchturm"); // a password is never sent back
        await KeyboardOnly.ActivateAsync(page, "Registrieren");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync(email);

        var link = (await app.Mail.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == email))).FirstLink("/registrieren/bestaetigen/");
        await page.GotoAsync(link.ToString());
        await KeyboardOnly.ActivateAsync(page, "Portal jetzt einrichten");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Das Portal für Kleinau ist online");
        axe = await Axe.RunWcagAsync(page);
        Assert.True(axe.Violations.Length == 0, Axe.Describe(axe, "signup live"));
        await Artifacts.ScreenshotAsync(page, "signup-live-phone");

        await page.Locator($"main a[href='{app.Origin(slug)}/']").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Willkommen in Kleinau");
        await page.Context.CloseAsync();
    }

    private static async Task TypeIntoAsync(IPage page, string id, string text)
    {
        await KeyboardOnly.TabToAsync(page, id);
        await page.Keyboard.TypeAsync(text);
    }
}
