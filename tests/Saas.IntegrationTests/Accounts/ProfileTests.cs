using System.Net;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Accounts;

/// <summary>The profile page and changing the e-mail address.</summary>
[Collection(ResidentsCollection.Name)]
public sealed class ProfileTests(ResidentsFixture fixture)
{
    private const string Password = "Wiesenklee und Löwenzahn";

    [Fact]
    public async Task Given_a_signed_in_resident_When_name_phone_and_language_are_saved_Then_the_account_page_shows_them_in_the_chosen_language()
    {
        var email = ResidentsFixture.NewEmail("profil");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Alt Name", email, Password);
        await browser.SignInAsync(email, Password);

        using var save = await browser.SubmitAsync("/konto", ("Name", "  Neu   Name "), ("Phone", "+49 33841 12345"), ("Language", "en"));
        var page = await browser.TextAsync("/konto?gespeichert=1");

        Assert.Equal("/konto?gespeichert=1", save.Headers.Location?.OriginalString);
        Assert.Contains("value=\"Neu Name\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"+49 33841 12345\"", page, StringComparison.Ordinal);
        Assert.Contains("Your details are saved.", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_bad_profile_input_When_saving_Then_the_form_names_each_problem_and_nothing_is_stored()
    {
        var email = ResidentsFixture.NewEmail("profil-fehler");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Bleibt So", email, Password);
        await browser.SubmitAsync("/konto/anmelden", ("Email", email), ("Password", Password));

        using var save = await browser.SubmitAsync("/konto", ("Name", ""), ("Phone", "<b>0800</b>"), ("Language", "fr"));
        var text = ResidentClient.Decode(await save.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("Bitte geben Sie Ihren Namen ein.", text, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie die Telefonnummer nur mit Ziffern", text, StringComparison.Ordinal);
        Assert.Contains("Bitte wählen Sie eine der angebotenen Sprachen.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"Bleibt So\"", await browser.TextAsync("/konto"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_e_mail_change_When_the_link_to_the_new_address_is_opened_Then_the_address_changes_sessions_end_and_the_old_address_was_told()
    {
        var oldEmail = ResidentsFixture.NewEmail("alt");
        var newEmail = ResidentsFixture.NewEmail("neu");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Umzug", oldEmail, Password);
        await browser.SignInAsync(oldEmail, Password);

        using var request = await browser.SubmitAsync("/konto/email", ("NewEmail", newEmail), ("Password", Password));
        var requested = ResidentClient.Decode(await request.Content.ReadAsStringAsync());
        var notice = await fixture.MailAsync(oldEmail, "E-Mail-Adresse beantragt");
        var beforeConfirming = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(oldEmail, Password);
        var link = (await fixture.MailAsync(newEmail, "neue E-Mail-Adresse")).FirstLink("/konto/email-bestaetigen");
        var confirmed = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).OpenAsync(link);
        var replayed = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).OpenAsync(link);

        Assert.Contains($"Bestätigungslink an {newEmail}", requested, StringComparison.Ordinal);
        Assert.Contains(newEmail, notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, beforeConfirming.StatusCode);
        Assert.Contains("E-Mail-Adresse geändert", confirmed, StringComparison.Ordinal);
        Assert.Contains("Bereits geändert", replayed, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(oldEmail, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(newEmail, Password)).StatusCode);
    }

    [Fact]
    public async Task Given_an_e_mail_change_to_an_address_taken_meanwhile_When_the_link_is_opened_Then_it_says_so_and_nothing_changes()
    {
        var email = ResidentsFixture.NewEmail("wechsel");
        var wanted = ResidentsFixture.NewEmail("begehrt");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Wechsel", email, Password);
        await browser.SignInAsync(email, Password);
        await browser.SubmitAsync("/konto/email", ("NewEmail", wanted), ("Password", Password));
        var link = (await fixture.MailAsync(wanted, "neue E-Mail-Adresse")).FirstLink("/konto/email-bestaetigen");
        await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Schneller", wanted, "Ein anderes langes Passwort");

        var page = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).OpenAsync(link);

        Assert.Contains("Adresse bereits vergeben", page, StringComparison.Ordinal);
        Assert.True(await browser.IsSignedInAsync());
        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownA, email));
        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownA, wanted));
    }

    [Fact]
    public async Task Given_a_wrong_password_When_asking_for_an_e_mail_change_Then_no_mail_goes_out()
    {
        var email = ResidentsFixture.NewEmail("ohne");
        var target = ResidentsFixture.NewEmail("ziel");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Ohne", email, Password);
        await browser.SignInAsync(email, Password);

        using var response = await browser.SubmitAsync("/konto/email", ("NewEmail", target), ("Password", "nicht meins"));

        Assert.Contains("Das aktuelle Passwort stimmt nicht.", ResidentClient.Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Empty(fixture.MailsTo(target));
    }

    [Fact]
    public async Task Given_no_session_When_an_account_page_is_opened_Then_it_sends_to_the_sign_in_form_and_back()
    {
        foreach (var path in new[] { "/konto", "/konto/passwort", "/konto/email", "/konto/daten" })
        {
            using var response = await fixture.Factory.ClientFor(ResidentsFixture.HostA, https: true).GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/konto/anmelden?zurueck={Uri.EscapeDataString(path)}", response.Headers.Location?.OriginalString);
        }
    }
}
