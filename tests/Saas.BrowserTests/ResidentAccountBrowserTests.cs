using Microsoft.Playwright;
using MimeKit;
using Saas.BrowserTests.Infrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.BrowserTests;

/// <summary>
/// A resident's account in a real browser, by keyboard: registration with the confirmation link
/// taken from the mail that arrived on the SMTP listener, then sign-in; a forgotten password
/// replaced through the mailed link.
/// </summary>
[Collection(AccountsBrowserFixture.Name)]
public sealed class ResidentAccountBrowserTests(AccountsBrowserFixture app)
{
    [Fact]
    public async Task Given_a_new_resident_When_they_register_by_keyboard_and_open_the_mailed_link_Then_they_can_sign_in_and_see_their_account()
    {
        var email = $"{app.Unique("erika")}@example.org";
        var origin = app.Origin(DemoTowns.WiesenburgMark);
        var page = await app.NewPageAsync(Viewports.Phone);

        await page.GotoAsync($"{origin}/konto/registrieren");
        await KeyboardOnly.TabToAsync(page, "name");
        await page.Keyboard.TypeAsync("Erika Mustermann");
        await KeyboardOnly.TabToAsync(page, "email");
        await page.Keyboard.TypeAsync(email);
        await KeyboardOnly.TabToAsync(page, "password");
        await page.Keyboard.TypeAsync("Feldweg Kornblume Abendrot");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync(email);

        var mail = await app.Mail.WaitForMessageAsync(m => Addressed(m, email) && (m.Subject ?? "").Contains("bestätigen", StringComparison.Ordinal));
        var link = mail.FirstLink("/konto/bestaetigen");
        Assert.Equal($"{DemoTowns.WiesenburgMark}.localhost", link.Host);
        Assert.Contains("Wiesenburg", mail.From.Mailboxes.Single().Name, StringComparison.Ordinal);
        await page.GotoAsync(link.ToString());
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("E-Mail-Adresse bestätigt");

        await page.GotoAsync($"{origin}/konto/anmelden");
        await KeyboardOnly.TabToAsync(page, "email");
        await page.Keyboard.TypeAsync(email);
        await KeyboardOnly.TabToAsync(page, "password");
        await page.Keyboard.TypeAsync("Feldweg Kornblume Abendrot");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{origin}/konto");
        await Assertions.Expect(page.Locator("#name")).ToHaveValueAsync("Erika Mustermann");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Given_a_forgotten_password_When_the_resident_follows_the_mailed_link_Then_the_new_password_works_and_the_old_one_does_not()
    {
        var town = DemoTowns.Treuenbrietzen;
        var origin = app.Origin(town);
        var resident = await ResidentAccount.CreateAsync(app.Services, town, $"{app.Unique("vergesslich")}@example.org", "Paul Vergesslich");
        const string NewPassword = "Kastanie Uferweg Mittagsruhe";
        var page = await app.NewPageAsync(Viewports.Desktop);

        await page.GotoAsync($"{origin}/konto/anmelden");
        await KeyboardOnly.ActivateAsync(page, "Passwort vergessen?");
        await page.WaitForURLAsync($"{origin}/konto/passwort-vergessen");
        await KeyboardOnly.TabToAsync(page, "email");
        await page.Keyboard.TypeAsync(resident.Email);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Falls zu {resident.Email} ein Konto besteht");

        var mail = await app.Mail.WaitForMessageAsync(m => Addressed(m, resident.Email) && m.Subject == "Neues Passwort festlegen");
        await page.GotoAsync(mail.FirstLink("/konto/passwort-zuruecksetzen").ToString());
        await KeyboardOnly.TabToAsync(page, "password");
        await page.Keyboard.TypeAsync(NewPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{origin}/konto/anmelden?hinweis=passwort");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Ihr neues Passwort ist gespeichert");

        await page.FillAsync("#email", resident.Email);
        await page.FillAsync("#password", resident.Password);
        await page.PressAsync("#password", "Enter");
        await Assertions.Expect(page.Locator("main .error-summary")).ToBeVisibleAsync();

        await (resident with { Password = NewPassword }).SignInAsync(page, origin);
        await Assertions.Expect(page.Locator("#name")).ToHaveValueAsync("Paul Vergesslich");
        await page.Context.CloseAsync();
    }

    private static bool Addressed(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase));
}
