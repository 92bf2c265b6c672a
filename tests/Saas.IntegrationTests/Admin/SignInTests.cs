using System.Net;
using System.Text.RegularExpressions;
using Saas.Host.Accounts;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;

namespace Saas.IntegrationTests.Admin;

/// <summary>Staff sign-in through the real pages: password, authenticator code (once only), enrolment, throttling, expiry notice.</summary>
public sealed partial class SignInTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Given_staff_with_an_authenticator_When_password_and_code_are_entered_Then_the_dashboard_opens()
    {
        var account = await NewStaffAsync("anmeldung");
        var client = fixture.Client();

        var password = await PasswordAsync(client, account);
        Assert.Equal("/admin/anmelden/zweiter-faktor", password.Headers.Location!.OriginalString);
        var code = await client.PostFormAsync("/admin/anmelden/zweiter-faktor", ("Code", account.TotpCode()));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/admin", code.Headers.Location!.OriginalString);
        Assert.True(client.HasCookie(AccountSchemes.Cookies.Staff));
        Assert.Contains("Überblick", await client.GetPageAsync("/admin"));
    }

    [Fact]
    public async Task Given_a_code_that_was_just_used_When_it_is_entered_again_Then_it_is_refused_with_its_own_message_and_no_session_starts()
    {
        var account = await NewStaffAsync("wiederholt");
        var first = fixture.Client();
        await PasswordAsync(first, account);
        var code = account.TotpCode();
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/admin/anmelden/zweiter-faktor", ("Code", code))).StatusCode);

        var second = fixture.Client();
        await PasswordAsync(second, account);
        var replay = await second.PostFormAsync("/admin/anmelden/zweiter-faktor", ("Code", code));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Dieser Code wurde bereits verwendet", await replay.Content.ReadAsStringAsync());
        Assert.False(second.HasCookie(AccountSchemes.Cookies.Staff));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Given_a_wrong_password_When_signing_in_Then_one_message_for_both_cases_and_no_ticket()
    {
        var account = await NewStaffAsync("falsch");
        var client = fixture.Client();

        var wrong = await client.PostFormAsync("/admin/anmelden", ("Email", account.Email), ("Password", "nicht-das-richtige"));
        var unknown = await client.PostFormAsync("/admin/anmelden", ("Email", "niemand@adm-a.example"), ("Password", "nicht-das-richtige"));

        Assert.Contains("E-Mail-Adresse oder Passwort stimmen nicht", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("E-Mail-Adresse oder Passwort stimmen nicht", await unknown.Content.ReadAsStringAsync());
        Assert.False(client.HasCookie(AccountSchemes.Cookies.StaffTwoFactor));
    }

    [Fact]
    public async Task Given_too_many_failures_for_an_account_When_signing_in_again_Then_429_with_Retry_After()
    {
        // The fixture allows three failures per account and hour.
        var account = await NewStaffAsync("gebremst");
        var client = fixture.Client();
        for (var i = 0; i < 3; i++)
        {
            await client.PostFormAsync("/admin/anmelden", ("Email", account.Email), ("Password", "falsch-" + i));
        }

        var response = await client.PostFormAsync("/admin/anmelden", ("Email", account.Email), ("Password", account.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Contains("Zu viele Fehlversuche", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_resident_When_signing_in_to_the_admin_area_Then_refused_like_a_wrong_password()
    {
        var client = fixture.Client();

        var response = await client.PostFormAsync("/admin/anmelden", ("Email", fixture.ResidentA.Email), ("Password", fixture.ResidentA.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-Mail-Adresse oder Passwort stimmen nicht", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_staff_without_an_authenticator_When_signing_in_Then_enrolment_shows_a_QR_code_and_the_key_and_the_first_code_gives_ten_recovery_codes()
    {
        var account = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, $"neu-{Guid.NewGuid():N}@adm-a.example", Roles.Editor, enrolTotp: false);
        var client = fixture.Client();

        var password = await PasswordAsync(client, account);
        Assert.Equal("/admin/anmelden/einrichten", password.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/admin/anmelden/einrichten");
        Assert.Matches("<svg class=\"qr-code\"[^>]*role=\"img\"", page);
        var secret = SecretPattern().Match(page).Groups[1].Value;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", secret);
        var code = Totp.Code(Base32.Decode(secret.Replace(" ", "")), Totp.StepAt(DateTimeOffset.UtcNow));

        var done = await client.PostFormAsync("/admin/anmelden/einrichten", ("Code", code));

        var html = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(10, RecoveryCodePattern().Count(html));
        Assert.Contains("no-store", done.Headers.CacheControl?.ToString());
        Assert.Contains("Überblick", await client.GetPageAsync("/admin"));
    }

    [Fact]
    public async Task Given_a_staff_cookie_that_no_longer_holds_a_session_When_an_admin_page_is_opened_Then_the_sign_in_says_the_session_ended()
    {
        var client = fixture.Client().WithCookie(AccountSchemes.Cookies.Staff, "CfDJ8-abgelaufen");

        var response = await client.GetAsync("/admin/seiten");
        var location = response.Headers.Location!.OriginalString;
        var page = await client.GetPageAsync(location);

        Assert.Contains("abgelaufen=1", location);
        Assert.Contains("zurueck=%2Fadmin%2Fseiten", location);
        Assert.Contains("15 Minuten ohne Aktivität", page);
    }

    [Fact]
    public async Task Given_a_signed_in_admin_When_signing_out_Then_the_session_ends_everywhere()
    {
        var account = await NewStaffAsync("abmelden");
        var other = await fixture.Client().AsStaffAsync(fixture.TownA, account.Id);
        var client = await fixture.Client().AsStaffAsync(fixture.TownA, account.Id);

        var response = await client.PostToAsync("/admin", "/admin/abmelden");

        Assert.Equal("/admin/anmelden?hinweis=abgemeldet", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/admin")).StatusCode);
    }

    private Task<TestAccount> NewStaffAsync(string name) =>
        TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, $"{name}-{Guid.NewGuid():N}@adm-a.example", Roles.TenantAdmin);

    private static async Task<HttpResponseMessage> PasswordAsync(AdminClient client, TestAccount account)
    {
        var response = await client.PostFormAsync("/admin/anmelden", ("Email", account.Email), ("Password", account.Password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"password step: {(int)response.StatusCode}");
        return response;
    }

    [GeneratedRegex("<p class=\"secret\"[^>]*>([^<]+)</p>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li>[A-Z0-9]{5}-[A-Z0-9]{5}</li>")]
    private static partial Regex RecoveryCodePattern();
}
