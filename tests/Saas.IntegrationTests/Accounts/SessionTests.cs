using System.Net;

namespace Saas.IntegrationTests.Accounts;

/// <summary>Sessions: bound to one town, ended everywhere by sign-out, password change and disabling.</summary>
[Collection(ResidentsCollection.Name)]
public sealed class SessionTests(ResidentsFixture fixture)
{
    private const string Password = "Kirschblüte am Bahnhof";

    [Fact]
    public async Task Given_the_same_address_in_two_towns_When_both_register_Then_they_are_two_independent_accounts()
    {
        var email = ResidentsFixture.NewEmail("zwei-orte");
        await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "In A", email, Password);
        await fixture.RegisterConfirmedAsync(ResidentsFixture.HostB, "In B", email, "Ganz anderes Passwort für B");

        var inA = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        var inB = ResidentClient.For(fixture.Factory, ResidentsFixture.HostB);
        var aWithBsPassword = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, "Ganz anderes Passwort für B");

        Assert.Equal(HttpStatusCode.Redirect, (await inA.SignInAsync(email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await inB.SignInAsync(email, "Ganz anderes Passwort für B")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, aWithBsPassword.StatusCode);
        Assert.Contains("In A", await inA.TextAsync("/konto"), StringComparison.Ordinal);
        Assert.Contains("In B", await inB.TextAsync("/konto"), StringComparison.Ordinal);
        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownA, email));
        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownB, email));
    }

    [Fact]
    public async Task Given_a_session_cookie_of_town_A_When_it_is_sent_to_town_B_by_hand_Then_B_does_not_know_the_resident()
    {
        var email = ResidentsFixture.NewEmail("cookie");
        var inA = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Cookie A", email, Password);
        using var signIn = await inA.SignInAsync(email, Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-town=", StringComparison.Ordinal)).Split(';')[0];
        var onB = fixture.Factory.ClientFor(ResidentsFixture.HostB, https: true);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto");
        request.Headers.Add("Cookie", cookie);
        using var account = await onB.SendAsync(request);
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        var homeOnB = ResidentClient.Decode(await (await onB.SendAsync(home)).Content.ReadAsStringAsync());

        Assert.True(await inA.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/konto/anmelden", account.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains(">Anmelden<", homeOnB, StringComparison.Ordinal);
        Assert.DoesNotContain("Mein Konto", homeOnB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_two_devices_When_the_resident_signs_out_on_one_Then_both_sessions_end()
    {
        var email = ResidentsFixture.NewEmail("abmelden");
        var phone = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Zwei Geräte", email, Password);
        var laptop = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        await phone.SignInAsync(email, Password);
        await laptop.SignInAsync(email, Password);

        using var signOut = await phone.SubmitAsync("/konto", [], action: "/konto/abmelden");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/konto/anmelden?hinweis=abgemeldet", signOut.Headers.Location?.OriginalString);
        Assert.False(await phone.IsSignedInAsync());
        Assert.False(await laptop.IsSignedInAsync());
    }

    [Fact]
    public async Task Given_two_devices_When_the_password_is_changed_on_one_Then_that_one_stays_signed_in_and_the_other_is_signed_out()
    {
        var email = ResidentsFixture.NewEmail("passwort");
        var phone = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Passwortwechsel", email, Password);
        var laptop = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        await phone.SignInAsync(email, Password);
        await laptop.SignInAsync(email, Password);

        using var change = await phone.SubmitAsync("/konto/passwort", ("CurrentPassword", Password), ("NewPassword", "Neues Passwort im Herbst"));

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.True(await phone.IsSignedInAsync());
        Assert.False(await laptop.IsSignedInAsync());
        Assert.Contains("Ihr Passwort wurde geändert", await phone.TextAsync("/konto/passwort?geaendert=1"), StringComparison.Ordinal);
        await fixture.MailAsync(email, "Passwort wurde geändert");
        Assert.Equal(HttpStatusCode.OK, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, "Neues Passwort im Herbst")).StatusCode);
    }

    [Fact]
    public async Task Given_a_wrong_current_password_When_changing_it_Then_the_form_says_so_and_nothing_changes()
    {
        var email = ResidentsFixture.NewEmail("falsch");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Falsch", email, Password);
        await browser.SignInAsync(email, Password);

        using var change = await browser.SubmitAsync("/konto/passwort", ("CurrentPassword", "geraten geraten"), ("NewPassword", "Neues Passwort im Herbst"));

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("Das aktuelle Passwort stimmt nicht.", ResidentClient.Decode(await change.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await browser.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task Given_a_signed_in_resident_When_the_account_is_disabled_elsewhere_Then_the_session_ends_at_the_next_request()
    {
        var email = ResidentsFixture.NewEmail("gesperrt");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Gesperrt", email, Password);
        await browser.SignInAsync(email, Password);
        Assert.True(await browser.IsSignedInAsync());

        // What the town's administrators do from /admin (another client, another part of the product).
        await fixture.ExecuteAsOwnerAsync("UPDATE core_accounts SET disabled_at = now() WHERE tenant_id = @t AND normalized_email = upper(@e)",
            ("t", fixture.TownA), ("e", email));

        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task Given_a_return_address_When_signing_in_Then_only_a_local_one_is_followed()
    {
        var email = ResidentsFixture.NewEmail("zurueck");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Zurück", email, Password);

        var local = await browser.SubmitAsync("/konto/anmelden?zurueck=%2Faktuelles", ("Email", email), ("Password", Password));
        var other = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        var foreign = await other.SubmitAsync("/konto/anmelden?zurueck=https%3A%2F%2Fevil.example%2F", ("Email", email), ("Password", Password));
        var third = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        var protocolRelative = await third.SubmitAsync("/konto/anmelden?zurueck=%2F%2Fevil.example", ("Email", email), ("Password", Password));

        Assert.Equal("/aktuelles", local.Headers.Location?.OriginalString);
        Assert.Equal("/konto", foreign.Headers.Location?.OriginalString);
        Assert.Equal("/konto", protocolRelative.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Given_a_cached_anonymous_page_When_a_resident_signs_in_Then_neither_ever_sees_the_others_header()
    {
        var email = ResidentsFixture.NewEmail("kopf");
        var resident = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Kopfzeile", email, Password);
        var visitor = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);

        var before = await visitor.TextAsync("/kontakt");
        await resident.SignInAsync(email, Password);
        var signedIn = await resident.TextAsync("/kontakt");
        var after = await visitor.TextAsync("/kontakt");
        var signedInAgain = await resident.TextAsync("/kontakt");

        foreach (var anonymous in new[] { before, after })
        {
            Assert.Contains(">Anmelden<", anonymous, StringComparison.Ordinal);
            Assert.DoesNotContain("Mein Konto", anonymous, StringComparison.Ordinal);
            Assert.DoesNotContain("/konto/abmelden", anonymous, StringComparison.Ordinal);
        }
        foreach (var personal in new[] { signedIn, signedInAgain })
        {
            Assert.Contains("Mein Konto", personal, StringComparison.Ordinal);
            Assert.Contains("action=\"/konto/abmelden\"", personal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_two_visitors_with_their_own_form_cookies_When_both_load_the_sign_in_page_twice_Then_each_page_carries_a_token_for_its_own_visitor()
    {
        var email = ResidentsFixture.NewEmail("token");
        await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Token", email, Password);
        var first = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        var second = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);
        await first.Http.GetStringAsync("/konto/anmelden");
        await second.Http.GetStringAsync("/konto/anmelden");
        // Both now hold their own antiforgery cookie: the next answers set no cookie, so only the cache policy keeps them apart.
        var firstAgain = await first.Http.GetAsync("/konto/anmelden");
        var secondAgain = await second.Http.GetStringAsync("/konto/anmelden");

        var signIn = await second.Http.PostAsync("/konto/anmelden", new FormUrlEncodedContent([
            new("Email", email), new("Password", Password), new("__RequestVerificationToken", ResidentClient.Token(secondAgain))]));

        Assert.Contains("no-store", firstAgain.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
