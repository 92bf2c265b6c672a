using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Accounts;

namespace Saas.IntegrationTests.Infrastructure;

/// <summary>The tokens a client got from a town's token endpoint.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdToken, int ExpiresIn, string Scope);

/// <summary>A PKCE pair (RFC 7636, S256).</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
    }
}

/// <summary>
/// The residents' app, played over HTTP against one town: the resident's browser session
/// (cookies, no automatic redirects) and the app's authorization code flow with PKCE. Reusable:
/// <see cref="TokensForAsync"/> gives a test a resident's access token in one line.
/// </summary>
public sealed class OpenIdFlow
{
    public const string ClientId = "rathausplatz-app";
    public const string RedirectUri = "de.rathausplatz.app:/oauth2redirect";
    public const string AllScopes = "openid profile email offline_access api";

    private readonly PlatformFactory _factory;

    public OpenIdFlow(PlatformFactory factory, string host)
    {
        _factory = factory;
        Host = host;
        Browser = factory.CreateDefaultClient(new Uri($"https://{host}/"), new CookieContainerHandler(Cookies));
    }

    public string Host { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The resident's browser on the town's host: keeps cookies, follows no redirect.</summary>
    public HttpClient Browser { get; }

    /// <summary>A resident of <paramref name="host"/>'s town, signed in and holding tokens for every scope of the app.</summary>
    public static async Task<TokenSet> TokensForAsync(PlatformFactory factory, string host, Guid tenantId, TestAccount account)
    {
        var flow = new OpenIdFlow(factory, host);
        await flow.SignInAsync(tenantId, account);
        var pkce = Pkce.Create();
        var code = await flow.AuthorizeForCodeAsync(pkce);
        return await flow.RedeemAsync(code, pkce.Verifier);
    }

    /// <summary>
    /// Signs the resident in with the town's real sign-in flow (password, lockout, throttle) and
    /// puts the resulting <c>__Host-town</c> cookie into this browser.
    /// </summary>
    /// <remarks>
    /// Runs <see cref="SignInFlow{TUser}"/> inside the test host rather than posting
    /// <c>/konto/anmelden</c>, which is built separately; switch to the page once it exists.
    /// </remarks>
    public async Task SignInAsync(Guid tenantId, TestAccount account)
    {
        var cookies = await TestTowns.AsTownAsync(_factory, tenantId, async services =>
        {
            var http = new DefaultHttpContext { RequestServices = services };
            http.Request.Scheme = "https";
            http.Request.Host = new HostString(Host);
            services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
            var outcome = await services.GetRequiredService<SignInFlow<Account>>().PasswordAsync(SignInArea.Residents, account.Email, account.Password);
            Assert.Equal(SignInResult.SignedIn, outcome.Result);
            return http.Response.Headers.SetCookie.ToArray();
        });
        foreach (var cookie in cookies)
        {
            Cookies.SetCookies(new Uri($"https://{Host}/"), cookie!);
        }
    }

    /// <summary>The authorization request as the app's browser tab sends it; any parameter can be left out (null) or replaced.</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(
        Pkce? pkce, string? redirectUri = RedirectUri, string scope = AllScopes, string? clientId = ClientId,
        string state = "st4te", IDictionary<string, string>? extra = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = "n0nce",
            ["code_challenge"] = pkce?.Challenge,
            ["code_challenge_method"] = pkce is null ? null : "S256",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            query[key] = value;
        }
        return Browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", query.Where(p => p.Value is not null)));
    }

    /// <summary>Runs the authorization request and takes the code from the redirect to the app.</summary>
    public async Task<string> AuthorizeForCodeAsync(Pkce pkce, string redirectUri = RedirectUri, string scope = AllScopes)
    {
        var response = await AuthorizeAsync(pkce, redirectUri, scope);
        var query = RedirectQuery(response, redirectUri);
        Assert.Equal("st4te", query["state"]);
        Assert.False(query.ContainsKey("error"), $"authorization refused: {query.GetValueOrDefault("error")} {query.GetValueOrDefault("error_description")}");
        return query["code"];
    }

    /// <summary>The parameters of a redirect to the app (asserts it is one).</summary>
    public static Dictionary<string, string> RedirectQuery(HttpResponseMessage response, string redirectUri = RedirectUri)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(redirectUri + "?", location, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location[(redirectUri.Length + 1)..]).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Exchanges a code at the token endpoint of <paramref name="host"/> (default: this town).</summary>
    public Task<HttpResponseMessage> TokenRequestAsync(IDictionary<string, string> form, string? host = null) =>
        _factory.ClientFor(host ?? Host, https: true).PostAsync("/connect/token", new FormUrlEncodedContent(form));

    public async Task<TokenSet> RedeemAsync(string code, string verifier, string redirectUri = RedirectUri) =>
        await ReadTokensAsync(await TokenRequestAsync(CodeForm(code, verifier, redirectUri)));

    public static Dictionary<string, string> CodeForm(string code, string? verifier, string redirectUri = RedirectUri)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
        };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }
        return form;
    }

    public static Dictionary<string, string> RefreshForm(string refreshToken) => new()
    {
        ["grant_type"] = "refresh_token",
        ["client_id"] = ClientId,
        ["refresh_token"] = refreshToken,
    };

    public static async Task<TokenSet> ReadTokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token endpoint answered {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return new TokenSet(
            json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null,
            json.GetProperty("expires_in").GetInt32(),
            json.TryGetProperty("scope", out var scope) ? scope.GetString()! : "");
    }

    /// <summary>The OAuth error code of a refused token request.</summary>
    public static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error", out var error) ? error.GetString() : null;

    /// <summary>A request to <paramref name="path"/> on <paramref name="host"/> carrying <paramref name="accessToken"/>.</summary>
    public static Task<HttpResponseMessage> GetWithTokenAsync(PlatformFactory factory, string host, string path, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return factory.ClientFor(host, https: true).SendAsync(request);
    }
}
