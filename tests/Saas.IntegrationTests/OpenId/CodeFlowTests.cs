using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.OpenId;

/// <summary>The residents' app signs a resident in with the authorization code flow and PKCE, and calls <c>/api/v1/me</c>.</summary>
public sealed class CodeFlowTests(OpenIdFixture fixture) : IClassFixture<OpenIdFixture>
{
    private readonly PlatformFactory _factory = fixture.Factory;

    [Fact]
    public async Task Given_a_signed_in_resident_When_the_app_runs_the_code_flow_with_pkce_Then_me_returns_the_resident()
    {
        var resident = await fixture.ResidentOfAAsync("lotte");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);
        var pkce = Pkce.Create();

        var redirect = OpenIdFlow.RedirectQuery(await flow.AuthorizeAsync(pkce));
        var tokens = await flow.RedeemAsync(redirect["code"], pkce.Verifier);
        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", tokens.AccessToken);

        Assert.Equal("st4te", redirect["state"]);
        Assert.Equal($"https://{OpenIdFixture.HostA}/", redirect["iss"]);
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(resident.Id, body.GetProperty("id").GetGuid());
        Assert.Equal("Anwohnerin lotte", body.GetProperty("name").GetString());
        Assert.Equal(resident.Email, body.GetProperty("email").GetString());
        Assert.True(body.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal("de", body.GetProperty("preferredLanguage").GetString());
        var idToken = JwtPayload(tokens.IdToken!);
        Assert.Equal($"https://{OpenIdFixture.HostA}/", idToken.GetProperty("iss").GetString());
        Assert.Equal(OpenIdFlow.ClientId, idToken.GetProperty("aud").GetString());
        Assert.Equal(resident.Id.ToString(), idToken.GetProperty("sub").GetString());
        Assert.Equal("n0nce", idToken.GetProperty("nonce").GetString());
        Assert.Equal(resident.Email, idToken.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Given_an_access_token_When_userinfo_is_called_Then_it_returns_the_claims_of_the_granted_scopes()
    {
        var resident = await fixture.ResidentOfAAsync("ute");
        var tokens = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);

        var response = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/connect/userinfo", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(resident.Id.ToString(), claims.GetProperty("sub").GetString());
        Assert.Equal(resident.Email, claims.GetProperty("email").GetString());
        Assert.Equal("Anwohnerin ute", claims.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Given_no_session_When_the_app_asks_for_a_code_Then_the_resident_is_sent_to_the_towns_sign_in_page_and_back()
    {
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);

        var response = await flow.AuthorizeAsync(Pkce.Create());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/konto/anmelden?zurueck=", location, StringComparison.Ordinal);
        var back = QueryHelpers.ParseQuery(location[location.IndexOf('?', StringComparison.Ordinal)..])["zurueck"].ToString();
        Assert.StartsWith("/connect/authorize?", back, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", back, StringComparison.Ordinal);
        Assert.Contains("client_id=rathausplatz-app", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_session_and_prompt_none_When_the_app_asks_for_a_code_Then_it_gets_login_required_at_its_redirect_uri()
    {
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);

        var response = await flow.AuthorizeAsync(Pkce.Create(), extra: new Dictionary<string, string> { ["prompt"] = "none" });

        Assert.Equal("login_required", OpenIdFlow.RedirectQuery(response)["error"]);
    }

    [Fact]
    public async Task Given_a_session_older_than_max_age_When_the_app_asks_for_a_code_Then_the_resident_signs_in_again()
    {
        var resident = await fixture.ResidentOfAAsync("maxage");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        var response = await flow.AuthorizeAsync(Pkce.Create(), extra: new Dictionary<string, string> { ["max_age"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/anmelden?zurueck=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_authorization_request_without_pkce_When_sent_Then_it_is_refused_and_no_code_is_issued()
    {
        var resident = await fixture.ResidentOfAAsync("ohnepkce");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);

        var response = await flow.AuthorizeAsync(pkce: null);

        await AssertRefusedWithoutCodeAsync(response, "code_challenge");
    }

    [Fact]
    public async Task Given_the_plain_pkce_method_When_sent_Then_it_is_refused()
    {
        var resident = await fixture.ResidentOfAAsync("plain");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);

        var response = await flow.AuthorizeAsync(pkce: null, extra: new Dictionary<string, string>
        {
            ["code_challenge"] = new string('a', 43),
            ["code_challenge_method"] = "plain",
        });

        await AssertRefusedWithoutCodeAsync(response, "code_challenge_method");
    }

    [Theory]
    [InlineData("https://evil.example/callback", "fremd")]
    [InlineData("de.rathausplatz.app:/oauth2redirect/../evil", "pfad")]
    [InlineData("http://localhost/callback", "localhost")]
    [InlineData("http://127.0.0.1/other", "anderer-pfad")]
    public async Task Given_an_unregistered_redirect_uri_When_the_app_asks_for_a_code_Then_it_is_refused_without_redirecting_there(string redirectUri, string name)
    {
        var resident = await fixture.ResidentOfAAsync("umleitung-" + name);
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);

        var response = await flow.AuthorizeAsync(Pkce.Create(), redirectUri: redirectUri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1/callback", "loopback")]
    [InlineData("http://127.0.0.1:53127/callback", "loopback-port")]
    public async Task Given_the_loopback_redirect_uri_for_development_When_used_on_any_port_Then_the_code_arrives_there(string redirectUri, string name)
    {
        // RFC 8252 section 7.3: a native app listens on whatever loopback port is free.
        var resident = await fixture.ResidentOfAAsync(name);
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);
        var pkce = Pkce.Create();

        var code = await flow.AuthorizeForCodeAsync(pkce, redirectUri: redirectUri);
        var tokens = await flow.RedeemAsync(code, pkce.Verifier, redirectUri: redirectUri);

        Assert.NotEmpty(tokens.AccessToken);
    }

    [Fact]
    public async Task Given_an_unknown_client_When_it_asks_for_a_code_Then_it_is_refused()
    {
        var resident = await fixture.ResidentOfAAsync("fremdapp");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);

        var response = await flow.AuthorizeAsync(Pkce.Create(), clientId: "fremde-app");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Given_a_code_When_redeemed_with_a_wrong_verifier_or_without_one_Then_invalid_grant()
    {
        var resident = await fixture.ResidentOfAAsync("falschverifier");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);
        var code = await flow.AuthorizeForCodeAsync(Pkce.Create());

        var wrong = await flow.TokenRequestAsync(OpenIdFlow.CodeForm(code, Pkce.Create().Verifier));
        var missing = await flow.TokenRequestAsync(OpenIdFlow.CodeForm(code, verifier: null));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(wrong));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.DoesNotContain("access_token", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_redeemed_code_When_it_is_replayed_Then_it_is_refused_and_the_tokens_it_gave_are_revoked()
    {
        var resident = await fixture.ResidentOfAAsync("replay");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);
        var pkce = Pkce.Create();
        var code = await flow.AuthorizeForCodeAsync(pkce);
        var first = await flow.RedeemAsync(code, pkce.Verifier);

        var replay = await flow.TokenRequestAsync(OpenIdFlow.CodeForm(code, pkce.Verifier));
        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", first.AccessToken);
        var refresh = await flow.TokenRequestAsync(OpenIdFlow.RefreshForm(first.RefreshToken!));

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(replay));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(refresh));
    }

    [Fact]
    public async Task Given_a_refresh_token_When_used_Then_new_tokens_come_back_and_the_old_refresh_token_is_spent()
    {
        var resident = await fixture.ResidentOfAAsync("refresh");
        var first = await OpenIdFlow.TokensForAsync(_factory, OpenIdFixture.HostA, fixture.TownA, resident);
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);

        var second = await OpenIdFlow.ReadTokensAsync(await flow.TokenRequestAsync(OpenIdFlow.RefreshForm(first.RefreshToken!)));
        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", second.AccessToken);
        var reused = await flow.TokenRequestAsync(OpenIdFlow.RefreshForm(first.RefreshToken!));

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("api", second.Scope.Split(' '));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdFlow.ErrorAsync(reused));
    }

    [Fact]
    public async Task Given_a_token_without_the_api_scope_When_me_is_called_Then_403()
    {
        var resident = await fixture.ResidentOfAAsync("ohneapi");
        var flow = new OpenIdFlow(_factory, OpenIdFixture.HostA);
        await flow.SignInAsync(fixture.TownA, resident);
        var pkce = Pkce.Create();
        var tokens = await flow.RedeemAsync(await flow.AuthorizeForCodeAsync(pkce, scope: "openid profile"), pkce.Verifier);

        var me = await OpenIdFlow.GetWithTokenAsync(_factory, OpenIdFixture.HostA, "/api/v1/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        Assert.Null(tokens.RefreshToken);
    }

    [Fact]
    public async Task Given_the_openapi_document_Then_me_is_described_with_the_towns_oauth_scheme()
    {
        var document = await _factory.ClientFor(OpenIdFixture.HostA).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var me = document.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get");
        Assert.Equal("GetMe", me.GetProperty("operationId").GetString());
        Assert.Equal("townApp", me.GetProperty("security")[0].EnumerateObject().Single().Name);
        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("townApp").GetProperty("flows").GetProperty("authorizationCode");
        Assert.Equal("/connect/authorize", flow.GetProperty("authorizationUrl").GetString());
        Assert.Equal("/connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.True(me.GetProperty("responses").TryGetProperty("200", out _));
    }

    /// <summary>Refused at the provider itself (no redirect, so no code can reach anyone), naming the bad parameter.</summary>
    private static async Task AssertRefusedWithoutCodeAsync(HttpResponseMessage response, string parameter)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.Contains(parameter, body, StringComparison.Ordinal);
    }

    private static JsonElement JwtPayload(string jwt) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(jwt.Split('.')[1]))).RootElement;
}
