using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Accounts;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Privacy;

namespace Saas.IntegrationTests.OpenId;

/// <summary>A town's tokens are worthless in every other town, and die with the account state they were issued for.</summary>
public sealed class TokenIsolationTests(OpenIdFixture fixture) : IClassFixture<OpenIdFixture>
{
    private readonly PlatformFactory _factory = fixture.Factory;

    [Fact]
    public async Task Given_a_token_of_town_A_When_it_is_used_on_town_B_Then_401_problem_details_and_nothing_of_B_or_A_is_revealed()
    {
        var resident = await fixture.ResidentOfAAsync("reisende");
        var tokens = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);

        var onB = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostB, "/api/v1/me", tokens.AccessToken);
        var userInfoOnB = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostB, "/connect/userinfo", tokens.AccessToken);
        var onA = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, onB.StatusCode);
        Assert.Equal("application/problem+json", onB.Content.Headers.ContentType?.MediaType);
        var problem = await onB.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        var body = problem.GetRawText();
        Assert.DoesNotContain(resident.Email, body, StringComparison.Ordinal);
        Assert.DoesNotContain(resident.Id.ToString(), body, StringComparison.Ordinal);
        Assert.Contains("Bearer", onB.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, userInfoOnB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }

    [Fact]
    public async Task Given_a_code_or_refresh_token_of_town_A_When_redeemed_at_town_B_Then_invalid_grant()
    {
        var resident = await fixture.ResidentOfAAsync("grenzgaenger");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);
        var pkce = Pkce.Create();
        var code = await flow.AuthorizeForCodeAsync(pkce);

        var codeAtB = await flow.TokenRequestAsync(OpenIdFlow.CodeForm(code, pkce.Verifier), OpenIdFixture.HostB);
        var tokens = await flow.RedeemAsync(code, pkce.Verifier);
        var refreshAtB = await flow.TokenRequestAsync(OpenIdFlow.RefreshForm(tokens.RefreshToken!), OpenIdFixture.HostB);

        Assert.Equal(HttpStatusCode.BadRequest, codeAtB.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(codeAtB));
        Assert.Equal(HttpStatusCode.BadRequest, refreshAtB.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(refreshAtB));
    }

    [Fact]
    public async Task Given_a_residents_session_cookie_of_town_A_When_carried_to_town_Bs_authorization_endpoint_Then_B_asks_for_its_own_sign_in()
    {
        var resident = await fixture.ResidentOfAAsync("keksdieb");
        var flowA = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flowA.SignInAsync(fixture.TownA, resident);
        var cookie = flowA.Cookies.GetCookies(new Uri($"https://{OpenIdFixture.HostA}/"))["__Host-town"]!;
        var flowB = new OpenIdFlow(_factory, OpenIdFixture.HostB);
        flowB.Cookies.Add(new Uri($"https://{OpenIdFixture.HostB}/"), new Cookie(cookie.Name, cookie.Value, "/") { Secure = true });

        var response = await flowB.AuthorizeAsync(Pkce.Create());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/anmelden", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kein-token")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")]
    public async Task Given_no_or_a_forged_token_When_me_is_called_Then_401_problem_details(string? token)
    {
        var response = token is null
            ? await _factory.ClientFor(OpenIdFixture.HostA, https: true).GetAsync("/api/v1/me")
            : await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Given_a_disabled_account_When_its_tokens_are_used_Then_me_answers_401_and_refresh_is_refused()
    {
        var resident = await fixture.ResidentOfAAsync("gesperrt");
        var tokens = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);

        await ChangeAccountAsync(resident, (users, account) =>
        {
            account.DisabledAt = DateTime.UtcNow;
            return users.UpdateAsync(account);
        });
        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", tokens.AccessToken);
        var refresh = await new OpenIdFlow(_factory, OpenIdFixture.HostA).TokenRequestAsync(OpenIdFlow.RefreshForm(tokens.RefreshToken!));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(refresh));
    }

    [Fact]
    public async Task Given_a_resident_who_signs_out_everywhere_or_changes_the_password_When_old_tokens_are_used_Then_they_are_refused()
    {
        var resident = await fixture.ResidentOfAAsync("abgemeldet");
        var tokens = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);

        // What sign-out everywhere and a password change both do: a new security stamp.
        await ChangeAccountAsync(resident, (users, account) => users.UpdateSecurityStampAsync(account));
        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", tokens.AccessToken);
        var refresh = await new OpenIdFlow(_factory, OpenIdFixture.HostA).TokenRequestAsync(OpenIdFlow.RefreshForm(tokens.RefreshToken!));
        var fresh = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);
        var meAgain = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", fresh.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(refresh));
        Assert.Equal(HttpStatusCode.OK, meAgain.StatusCode);
    }

    [Fact]
    public async Task Given_a_deleted_account_When_its_token_is_used_Then_401_and_its_grants_are_gone_from_the_export()
    {
        var resident = await fixture.ResidentOfAAsync("geloescht");
        var tokens = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);
        var subject = new PersonalDataSubject(resident.Id, resident.Email);
        var before = await TestTowns.AsTownAsync(_factory, fixture.TownA, services =>
            Contributor(services).ExportAsync(subject, CancellationToken.None));

        await TestTowns.AsTownAsync(_factory, fixture.TownA, async services =>
        {
            await Contributor(services).EraseAsync(subject, CancellationToken.None);
            var users = services.GetRequiredService<UserManager<Account>>();
            return await users.DeleteAsync((await users.FindByIdAsync(resident.Id.ToString()))!);
        });
        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", tokens.AccessToken);
        var after = await TestTowns.AsTownAsync(_factory, fixture.TownA, services =>
            Contributor(services).ExportAsync(subject, CancellationToken.None));

        Assert.Contains("rathausplatz-app", JsonSerializer.Serialize(before), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Null(after);
    }

    [Fact]
    public async Task Given_a_residents_grant_in_town_A_When_town_B_exports_or_erases_the_same_subject_Then_A_is_untouched()
    {
        var resident = await fixture.ResidentOfAAsync("zweistaedte");
        var tokens = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);
        var subject = new PersonalDataSubject(resident.Id, resident.Email);

        var exportInB = await TestTowns.AsTownAsync(_factory, fixture.TownB, services => Contributor(services).ExportAsync(subject, CancellationToken.None));
        await TestTowns.AsTownAsync(_factory, fixture.TownB, async services =>
        {
            await Contributor(services).EraseAsync(subject, CancellationToken.None);
            return 0;
        });
        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", tokens.AccessToken);

        Assert.Null(exportInB);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static IPersonalDataContributor Contributor(IServiceProvider services) =>
        services.GetServices<IPersonalDataContributor>().Single(c => c.Name == "apps");

    private Task ChangeAccountAsync(TestAccount resident, Func<UserManager<Account>, Account, Task<IdentityResult>> change) =>
        TestTowns.AsTownAsync(_factory, fixture.TownA, async services =>
        {
            var users = services.GetRequiredService<UserManager<Account>>();
            var result = await change(users, (await users.FindByIdAsync(resident.Id.ToString()))!);
            Assert.True(result.Succeeded);
            return result;
        });
}
