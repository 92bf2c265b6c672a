using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.IntegrationTests.Http;

namespace Saas.IntegrationTests.OpenId;

/// <summary>Each town is its own issuer, on its primary host only; the platform and unknown hosts are no provider at all.</summary>
public sealed class DiscoveryTests(OpenIdFixture fixture) : IClassFixture<OpenIdFixture>
{
    [Theory]
    [InlineData(OpenIdFixture.HostA)]
    [InlineData(OpenIdFixture.HostB)]
    public async Task Given_a_town_When_its_discovery_document_is_read_Then_the_issuer_and_every_endpoint_are_the_towns_primary_origin(string host)
    {
        var client = fixture.Factory.ClientFor(host, https: true);

        var document = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal($"https://{host}/", document.GetProperty("issuer").GetString());
        Assert.Equal($"https://{host}/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"https://{host}/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.StartsWith($"https://{host}/", document.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(["S256"], document.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["authorization_code", "refresh_token"], document.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Contains("api", document.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        var keys = await client.GetFromJsonAsync<JsonElement>(document.GetProperty("jwks_uri").GetString());
        Assert.NotEmpty(keys.GetProperty("keys").EnumerateArray());
    }

    [Theory]
    [InlineData(OpenIdFixture.SecondaryB)]
    [InlineData("oidc-b.localhost")]
    public async Task Given_a_host_of_the_town_that_is_not_its_primary_When_discovery_is_requested_Then_301_to_the_primary_so_it_is_never_an_issuer(string host)
    {
        var response = await fixture.Factory.ClientFor(host, https: true).GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"https://{OpenIdFixture.HostB}/.well-known/openid-configuration", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks")]
    [InlineData("/connect/authorize?client_id=rathausplatz-app&response_type=code")]
    [InlineData("/connect/token")]
    [InlineData("/connect/userinfo")]
    [InlineData("/api/v1/me")]
    public async Task Given_the_platform_host_When_an_openid_path_is_requested_Then_404(string path)
    {
        var response = await fixture.Factory.ClientFor("localhost", https: true).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Given_an_unknown_host_When_discovery_is_requested_Then_the_neutral_404_answers()
    {
        var unknown = await HttpProbe.SendRawAsync(fixture.Factory, "niemand.example", "/");

        var response = await HttpProbe.SendRawAsync(fixture.Factory, "niemand.example", "/.well-known/openid-configuration");

        Assert.Equal(404, response.Status);
        Assert.Equal(unknown.Body, response.Body);
    }
}
