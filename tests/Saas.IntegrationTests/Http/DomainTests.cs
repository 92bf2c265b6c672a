using System.Net;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>Towns with extra domains of every kind, shared by the tests of <see cref="DomainTests"/>.</summary>
public sealed class DomainFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("http_domains") });
        var admin = Factory.Service<TenantAdministration>();
        var none = CancellationToken.None;

        // dm-sub: still on its platform subdomain, with a secondary domain and an unverified custom one.
        var sub = await TestTowns.CreateAsync(Factory, "dm-sub", articles: [("sommerfest", "Sommerfest in dm-sub", "Body")]);
        await admin.AddDomainAsync(sub, "alt-dm-sub.example", DomainKind.Secondary, verified: true, none);
        await admin.AddDomainAsync(sub, "www.dm-sub-unbestaetigt.example", DomainKind.Custom, verified: false, none);

        // dm-own: its verified custom domain is its primary host; a secondary domain points there too.
        var own = await TestTowns.CreateAsync(Factory, "dm-own", articles: [("markt", "Wochenmarkt in dm-own", "Body")]);
        await admin.AddDomainAsync(own, "www.dm-own.example", DomainKind.Custom, verified: true, none);
        await admin.AddDomainAsync(own, "dm-own-alt.example", DomainKind.Secondary, verified: true, none);

        // dm-off: switched off, although its custom domain is verified.
        var off = await TestTowns.CreateAsync(Factory, "dm-off", state: "disabled");
        await admin.AddDomainAsync(off, "www.dm-off.example", DomainKind.Custom, verified: true, none);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Secondary, custom and unverified domains; the TLS "ask" endpoint Caddy calls before issuing a certificate.</summary>
public sealed class DomainTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private readonly PlatformFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("alt-dm-sub.example", "/aktuelles/sommerfest?utm=mail&x=%C3%BC", "http://dm-sub.localhost/aktuelles/sommerfest?utm=mail&x=%C3%BC")]
    [InlineData("alt-dm-sub.example", "/", "http://dm-sub.localhost/")]
    [InlineData("dm-own-alt.example", "/aktuelles?seite=1", "http://www.dm-own.example/aktuelles?seite=1")]
    public async Task Given_a_verified_secondary_domain_When_requested_Then_it_answers_301_to_the_primary_host_keeping_path_and_query(string host, string path, string expected)
    {
        var response = await _factory.ClientFor(host).GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Given_a_secondary_domain_When_the_redirect_is_followed_Then_the_town_page_is_served()
    {
        var response = await _factory.ClientFor("alt-dm-sub.example", followRedirects: true).GetAsync("/aktuelles/sommerfest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dm-sub.localhost", response.RequestMessage?.RequestUri?.Host);
        Assert.Contains("Sommerfest in dm-sub", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_an_unverified_custom_domain_When_requested_Then_the_neutral_404_answers()
    {
        var unknown = await HttpProbe.SendRawAsync(_factory, "niemand.example", "/aktuelles");

        var response = await HttpProbe.SendRawAsync(_factory, "www.dm-sub-unbestaetigt.example", "/aktuelles");

        Assert.Equal(404, response.Status);
        Assert.Equal(unknown.Body, response.Body);
        Assert.DoesNotContain("dm-sub", response.Body);
    }

    [Fact]
    public async Task Given_a_verified_custom_domain_When_the_town_is_requested_there_Then_it_is_the_primary_host()
    {
        var page = await _factory.ClientFor("www.dm-own.example").GetAsync("/aktuelles");
        var profile = await _factory.ClientFor("www.dm-own.example").GetStringAsync("/api/v1/tenant");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Wochenmarkt in dm-own", await page.Content.ReadAsStringAsync());
        Assert.Contains("\"url\":\"https://www.dm-own.example\"", profile);
    }

    [Fact]
    public async Task Given_a_verified_custom_domain_When_the_platform_subdomain_is_requested_Then_it_answers_301_to_the_custom_domain()
    {
        var response = await _factory.ClientFor("dm-own.localhost").GetAsync("/aktuelles/markt?a=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("http://www.dm-own.example/aktuelles/markt?a=1", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("dm-sub.localhost")]
    [InlineData("www.dm-own.example")]
    [InlineData("dm-own-alt.example")]
    [InlineData("WWW.DM-OWN.EXAMPLE")]
    public async Task Given_a_host_that_serves_a_town_When_caddy_asks_for_a_certificate_Then_200(string domain)
    {
        var response = await _factory.ClientFor("localhost").GetAsync($"/internal/tls/ask?domain={Uri.EscapeDataString(domain)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("niemand.example")]
    [InlineData("www.dm-sub-unbestaetigt.example")]
    [InlineData("www.dm-off.example")]
    [InlineData("dm-off.localhost")]
    [InlineData("x_y.localhost")]
    [InlineData("")]
    public async Task Given_a_host_that_serves_no_live_town_When_caddy_asks_for_a_certificate_Then_404(string domain)
    {
        var response = await _factory.ClientFor("localhost").GetAsync($"/internal/tls/ask?domain={Uri.EscapeDataString(domain)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Given_any_host_When_caddy_calls_the_ask_endpoint_by_ip_Then_it_answers_without_a_town()
    {
        var response = await HttpProbe.SendRawAsync(_factory, "127.0.0.1:2019", "/internal/tls/ask?domain=dm-sub.localhost");

        Assert.Equal(200, response.Status);
    }
}
