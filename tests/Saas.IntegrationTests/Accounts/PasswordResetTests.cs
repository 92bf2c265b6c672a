using System.Net;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Accounts;

/// <summary>"Forgot password": the mail, the new password, and links that work once.</summary>
[Collection(ResidentsCollection.Name)]
public sealed class PasswordResetTests(ResidentsFixture fixture)
{
    private const string Password = "Lindenblüte im Juni";
    private const string NewPassword = "Schneeglöckchen im März";

    [Fact]
    public async Task Given_a_reset_link_When_a_new_password_is_set_Then_old_sessions_end_the_new_password_works_and_the_link_is_used_up()
    {
        var email = ResidentsFixture.NewEmail("vergessen");
        var signedInElsewhere = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Vergesslich", email, Password);
        await signedInElsewhere.SignInAsync(email, Password);
        var browser = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);

        var request = await browser.SubmitAsync("/konto/passwort-vergessen", ("Email", email));
        var link = (await fixture.MailAsync(email, "Neues Passwort festlegen")).FirstLink("/konto/passwort-zuruecksetzen");
        var form = await browser.OpenAsync(link);
        var reset = await browser.SubmitAsync(link.PathAndQuery, ("Password", NewPassword));
        var replayed = await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).OpenAsync(link);
        var replayedPost = await browser.SubmitAsync("/konto/passwort-vergessen", [], action: link.PathAndQuery);

        Assert.Contains("haben wir Ihnen einen Link", ResidentClient.Decode(await request.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Neues Passwort festlegen", form, StringComparison.Ordinal);
        Assert.Equal("/konto/anmelden?hinweis=passwort", reset.Headers.Location?.OriginalString);
        Assert.Contains("Link ungültig oder abgelaufen", replayed, StringComparison.Ordinal);
        Assert.Contains("href=\"/konto/passwort-vergessen\"", replayed, StringComparison.Ordinal);
        Assert.Contains("Link ungültig oder abgelaufen", ResidentClient.Decode(await replayedPost.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await signedInElsewhere.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, NewPassword)).StatusCode);
        await fixture.MailAsync(email, "Passwort wurde geändert");
    }

    [Fact]
    public async Task Given_an_unknown_address_When_a_reset_is_asked_for_Then_the_answer_is_the_same_as_for_a_known_one()
    {
        var known = ResidentsFixture.NewEmail("da");
        var unknown = ResidentsFixture.NewEmail("nicht-da");
        await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Da", known, Password);
        var browser = ResidentClient.For(fixture.Factory, ResidentsFixture.HostA);

        var forKnown = await browser.SubmitAsync("/konto/passwort-vergessen", ("Email", known));
        var forUnknown = await browser.SubmitAsync("/konto/passwort-vergessen", ("Email", unknown));

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(
            ResidentClient.Excerpt((await forKnown.Content.ReadAsStringAsync()).Replace(known, "ADDRESS", StringComparison.Ordinal)),
            ResidentClient.Excerpt((await forUnknown.Content.ReadAsStringAsync()).Replace(unknown, "ADDRESS", StringComparison.Ordinal)));
        await fixture.MailAsync(known, "Neues Passwort festlegen");
        Assert.Empty(fixture.MailsTo(unknown));
    }

    [Fact]
    public async Task Given_a_reset_link_of_town_A_When_it_is_used_on_town_B_Then_it_is_refused_and_nothing_changes()
    {
        var email = ResidentsFixture.NewEmail("quer");
        await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Quer", email, Password);
        await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SubmitAsync("/konto/passwort-vergessen", ("Email", email));
        var link = (await fixture.MailAsync(email, "Neues Passwort festlegen")).FirstLink("/konto/passwort-zuruecksetzen");
        var onB = ResidentClient.For(fixture.Factory, ResidentsFixture.HostB);

        var page = await onB.OpenAsync(link);
        var post = await onB.SubmitAsync("/konto/passwort-vergessen", [new("Password", NewPassword)], action: link.PathAndQuery);

        Assert.Contains("Link ungültig oder abgelaufen", page, StringComparison.Ordinal);
        Assert.Contains("Link ungültig oder abgelaufen", ResidentClient.Decode(await post.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, Password)).StatusCode);
    }
}
