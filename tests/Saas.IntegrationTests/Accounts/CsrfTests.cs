using System.Net;

namespace Saas.IntegrationTests.Accounts;

/// <summary>Every form of the account pages needs this browser's antiforgery token; without it nothing happens.</summary>
[Collection(ResidentsCollection.Name)]
public sealed class CsrfTests(ResidentsFixture fixture)
{
    private const string Password = "Holunderblüte und Rhabarber";

    [Theory]
    [InlineData("/konto/anmelden")]
    [InlineData("/konto/registrieren")]
    [InlineData("/konto/passwort-vergessen")]
    [InlineData("/konto/bestaetigung-erneut")]
    public async Task Given_a_form_post_without_antiforgery_token_When_sent_Then_it_is_refused(string path)
    {
        var email = ResidentsFixture.NewEmail("csrf");
        var client = fixture.Factory.ClientFor(ResidentsFixture.HostA, https: true);

        using var response = await client.PostAsync(path, new FormUrlEncodedContent([
            new("Name", "Csrf"), new("Email", email), new("Password", Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await fixture.AccountCountAsync(fixture.TownA, email));
    }

    [Fact]
    public async Task Given_a_signed_in_resident_When_another_site_posts_sign_out_password_change_and_deletion_without_the_token_Then_nothing_happens()
    {
        var email = ResidentsFixture.NewEmail("csrf-konto");
        var browser = await fixture.RegisterConfirmedAsync(ResidentsFixture.HostA, "Csrf Konto", email, Password);
        await browser.SignInAsync(email, Password);

        var signOut = await browser.Http.PostAsync("/konto/abmelden", new FormUrlEncodedContent([]));
        var change = await browser.Http.PostAsync("/konto/passwort", new FormUrlEncodedContent([new("CurrentPassword", Password), new("NewPassword", "Übernommen von woanders")]));
        var delete = await browser.Http.PostAsync("/konto/daten?handler=Delete", new FormUrlEncodedContent([new("Password", Password)]));
        var foreignToken = ResidentClient.Token(await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).Http.GetStringAsync("/konto/anmelden"));
        var withForeignToken = await browser.Http.PostAsync("/konto/abmelden", new FormUrlEncodedContent([new("__RequestVerificationToken", foreignToken)]));

        Assert.All(new[] { signOut, change, delete, withForeignToken }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.True(await browser.IsSignedInAsync());
        Assert.Equal(1, await fixture.AccountCountAsync(fixture.TownA, email));
        Assert.Equal(HttpStatusCode.Redirect, (await ResidentClient.For(fixture.Factory, ResidentsFixture.HostA).SignInAsync(email, Password)).StatusCode);
    }
}
