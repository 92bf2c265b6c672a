using System.Net;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Accounts;

/// <summary>Registration, the confirmation mail on a real SMTP listener, and the first sign-in.</summary>
[Collection(ResidentsCollection.Name)]
public sealed class RegistrationTests(ResidentsFixture fixture)
{
    private const string Password = "Apfelbaum Gartenzaun Regenwolke";

    [Fact]
    public async Task Given_a_new_address_When_registering_and_opening_the_mailed_link_Then_the_resident_can_sign_in_and_a_replayed_link_says_already_confirmed()
    {
        var email = ResidentsFixture.NewEmail();
        var browser = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);

        await browser.RegisterAsync("Erika Mustermann", email, Password);
        var signInBeforeConfirming = await browser.SignInAsync(email, Password);
        var refused = ResidentClient.Decode(await signInBeforeConfirming.Content.ReadAsStringAsync());

        var mail = await fixture.MailAsync(email, "bestätigen");
        var link = mail.FirstLink("/konto/bestaetigen");
        var confirmed = await browser.OpenAsync(link);
        var replayed = await browser.OpenAsync(link);
        var signIn = await browser.SignInAsync(email, Password);

        Assert.Contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse", refused, StringComparison.Ordinal);
        Assert.Equal(ResidentsFixture.HostA, link.Host);
        Assert.Contains("E-Mail-Adresse bestätigt", confirmed, StringComparison.Ordinal);
        Assert.Contains("Bereits bestätigt", replayed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/konto", signIn.Headers.Location?.OriginalString);
        var account = await browser.TextAsync("/konto");
        Assert.Contains("Erika Mustermann", account, StringComparison.Ordinal);
        Assert.Contains(email, account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_address_with_an_account_When_someone_registers_it_again_Then_the_answer_is_the_same_and_only_the_holder_hears_of_it()
    {
        var known = ResidentsFixture.NewEmail("bekannt");
        var fresh = ResidentsFixture.NewEmail("neu");
        await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Karl Bekannt", known, Password);
        var stranger = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);

        var forKnown = await stranger.SubmitAsync("/konto/registrieren", ("Name", "Mallory"), ("Email", known), ("Password", "Ein ganz anderes Passwort"));
        var forFresh = await stranger.SubmitAsync("/konto/registrieren", ("Name", "Mallory"), ("Email", fresh), ("Password", "Ein ganz anderes Passwort"));

        Assert.Equal(forFresh.StatusCode, forKnown.StatusCode);
        Assert.Equal(MainOf(await forFresh.Content.ReadAsStringAsync()).Replace(fresh, "ADDRESS", StringComparison.Ordinal),
            MainOf(await forKnown.Content.ReadAsStringAsync()).Replace(known, "ADDRESS", StringComparison.Ordinal));
        var notice = await fixture.MailAsync(known, "bereits ein Konto");
        Assert.Contains("/konto/passwort-zuruecksetzen", notice.FirstLink("/konto/passwort-zuruecksetzen").AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("Mallory", notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownA, known));
        // The holder's password still works: nobody could take the account over by registering it.
        Assert.Equal(HttpStatusCode.Redirect, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(known, Password)).StatusCode);
    }

    [Fact]
    public async Task Given_a_double_submit_When_both_requests_race_Then_there_is_one_account()
    {
        var email = ResidentsFixture.NewEmail("doppelt");
        var browser = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        var html = await browser.Http.GetStringAsync("/konto/registrieren");
        var token = ResidentClient.Token(html);
        FormUrlEncodedContent Form() => new([
            new("Name", "Doppelt Klick"), new("Email", email), new("Password", Password), new("__RequestVerificationToken", token)]);

        var responses = await Task.WhenAll(browser.Http.PostAsync("/konto/registrieren", Form()), browser.Http.PostAsync("/konto/registrieren", Form()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownA, email));
    }

    [Fact]
    public async Task Given_a_name_with_markup_When_it_is_shown_Then_it_is_text_not_html()
    {
        var email = ResidentsFixture.NewEmail("markup");
        const string name = "<script>alert('x')</script><b>Fett</b>";
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, name, email, Password);
        await browser.SignInAsync(email, Password);

        var raw = await browser.Http.GetStringAsync("/konto");

        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Fett", raw, StringComparison.Ordinal);
        Assert.Contains(name, ResidentClient.Decode(raw), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "bewohner@example.org", Password, "Bitte geben Sie Ihren Namen ein.")]
    [InlineData("Erika", "keine-adresse", Password, "Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.")]
    [InlineData("Erika", "bewohner@example.org", "kurz", "Passw")]
    public async Task Given_bad_input_When_registering_Then_the_form_says_what_is_wrong_in_German_and_nothing_is_stored(string name, string email, string password, string message)
    {
        var browser = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        var unique = email.Replace("bewohner@", $"bad-{Guid.NewGuid():N}@", StringComparison.Ordinal);

        var response = await browser.SubmitAsync("/konto/registrieren", ("Name", name), ("Email", unique), ("Password", password));
        var text = ResidentClient.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte prüfen Sie Ihre Angaben", text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", text, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.AccountCountAsync(fixture.TownA, unique));
    }

    [Fact]
    public async Task Given_a_passphrase_of_64_characters_When_registering_Then_it_is_accepted()
    {
        var email = ResidentsFixture.NewEmail("lang");
        var passphrase = string.Concat(Enumerable.Repeat("Sonnenblume ", 6))[..64];

        await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).RegisterAsync("Lang", email, passphrase);

        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownA, email));
    }

    [Fact]
    public async Task Given_a_tampered_or_foreign_confirmation_link_When_opened_Then_it_is_refused_with_a_way_to_get_a_new_one()
    {
        var email = ResidentsFixture.NewEmail("fremd");
        await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).RegisterAsync("Fremd", email, Password);
        var link = (await fixture.MailAsync(email, "bestätigen")).FirstLink("/konto/bestaetigen");

        var onTownB = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostB).OpenAsync(link);
        var tampered = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).OpenAsync(new Uri(link + "x"));

        foreach (var page in new[] { onTownB, tampered })
        {
            Assert.Contains("Link ungültig oder abgelaufen", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/konto/bestaetigung-erneut\"", page, StringComparison.Ordinal);
        }
        // Still unconfirmed in town A: the foreign attempt changed nothing.
        var signIn = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, Password);
        Assert.Contains("Bitte bestätigen Sie zuerst", ResidentClient.Decode(await signIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return html[start..end];
    }
}
