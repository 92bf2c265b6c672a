using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>A node allowing five requests per minute per client and town, with Redis, shared by <see cref="RateLimitingTests"/>.</summary>
public sealed class RateLimitingFixture : IAsyncLifetime
{
    public const int Limit = 5;

    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("http_ratelimit"),
            Redis = (await RedisServer.GetAsync()).ConnectionString,
            RequestsPerMinute = Limit,
        });
        // One town per test: each test spends a town's budget on its own.
        foreach (var slug in new[] { "rl-a", "rl-b", "rl-probe", "rl-proxy", "rl-forged", "rl-https", "rl-cache" })
        {
            await TestTowns.CreateAsync(Factory, slug, features: []);
        }
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>One budget per client per town; probes are never limited; behind the proxy the real client counts.</summary>
public sealed class RateLimitingTests(RateLimitingFixture fixture) : IClassFixture<RateLimitingFixture>
{
    private const int Limit = RateLimitingFixture.Limit;
    private readonly PlatformFactory _factory = fixture.Factory;

    [Fact]
    public async Task Given_a_client_over_its_budget_for_one_town_When_it_calls_again_Then_429_with_retry_after_and_problem_json_while_another_town_still_serves_it()
    {
        var a = _factory.ClientFor("rl-a.localhost");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/v1/tenant")).StatusCode);
        }

        var rejected = await a.GetAsync("/api/v1/tenant");
        var page = await a.GetAsync("/");
        var otherTown = await _factory.ClientFor("rl-b.localhost").GetAsync("/api/v1/tenant");

        await HttpProbe.AssertProblemAsync(rejected, HttpStatusCode.TooManyRequests);
        var retryAfter = Assert.Single(rejected.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 60, $"Retry-After '{retryAfter}'");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, otherTown.StatusCode);
    }

    [Fact]
    public async Task Given_a_cached_page_When_a_client_reads_it_over_its_budget_Then_cached_answers_count_too_and_it_gets_429_while_another_client_still_reads()
    {
        var fromCache = 0;
        for (var i = 0; i < Limit; i++)
        {
            var read = await FromClientAsync("rl-cache.localhost", "198.51.100.50");
            Assert.Equal(200, read.Status);
            fromCache += read.Headers.Age.Count;
        }

        var rejected = await FromClientAsync("rl-cache.localhost", "198.51.100.50");
        var other = await FromClientAsync("rl-cache.localhost", "198.51.100.51");

        Assert.Equal(Limit - 1, fromCache);
        Assert.Equal(429, rejected.Status);
        Assert.NotEqual(0, rejected.Headers.RetryAfter.Count);
        Assert.Equal(0, rejected.Headers.Age.Count);
        Assert.Equal(200, other.Status);
        Assert.NotEqual(0, other.Headers.Age.Count);
    }

    [Fact]
    public async Task Given_a_tiny_budget_When_health_probes_call_often_Then_they_are_never_limited_and_readiness_checks_database_and_redis()
    {
        var client = _factory.ClientFor("rl-probe.localhost");

        for (var i = 0; i < Limit * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }

        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
        var checks = _factory.Service<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Where(r => r.Tags.Contains("ready")).Select(r => r.Name);
        Assert.Equal(["database", "redis"], checks.Order());
    }

    [Fact]
    public async Task Given_requests_relayed_by_the_local_proxy_When_two_clients_call_Then_each_forwarded_client_has_its_own_budget()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(200, (await ViaProxyAsync("rl-proxy.localhost", "203.0.113.7")).Status);
        }

        var first = await ViaProxyAsync("rl-proxy.localhost", "203.0.113.7");
        var second = await ViaProxyAsync("rl-proxy.localhost", "203.0.113.8");

        Assert.Equal(429, first.Status);
        Assert.Equal(200, second.Status);
    }

    [Fact]
    public async Task Given_a_client_that_is_no_proxy_When_it_forges_x_forwarded_for_Then_its_own_address_is_limited()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(200, (await FromAsync("rl-forged.localhost", "198.51.100.20", $"203.0.113.{i + 1}")).Status);
        }

        var forged = await FromAsync("rl-forged.localhost", "198.51.100.20", "203.0.113.99");

        Assert.Equal(429, forged.Status);
    }

    [Fact]
    public async Task Given_tls_ended_at_the_proxy_When_it_forwards_https_Then_the_town_answers_with_hsts()
    {
        var response = await ViaProxyAsync("rl-https.localhost", "203.0.113.30", proto: "https");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("max-age=", response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task Given_the_proxy_network_configured_as_in_compose_When_a_proxy_there_forwards_https_Then_it_is_trusted_and_others_are_not()
    {
        // infra/compose.yaml sets ForwardedHeaders__KnownNetworks__0; a second node here gets the same key.
        await using var node = _factory.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownNetworks:0", "192.0.2.0/24"));

        var trusted = await HttpProbe.SendRawAsync(node, "rl-https.localhost", "/", configure: c => Forward(c, "192.0.2.10", "203.0.113.40", "https"));
        var untrusted = await HttpProbe.SendRawAsync(node, "rl-https.localhost", "/", configure: c => Forward(c, "198.51.100.10", "203.0.113.41", "https"));

        Assert.Equal(200, trusted.Status);
        Assert.StartsWith("max-age=", trusted.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(200, untrusted.Status);
        Assert.Equal("", untrusted.Headers.StrictTransportSecurity.ToString());
    }

    private Task<RawResponse> FromClientAsync(string host, string client) =>
        HttpProbe.SendRawAsync(_factory, host, "/", configure: c => c.Connection.RemoteIpAddress = IPAddress.Parse(client));

    // The default trusted proxy is loopback (Caddy on the same machine); infra adds its network by configuration.
    private Task<RawResponse> ViaProxyAsync(string host, string client, string proto = "http") => FromAsync(host, "127.0.0.1", client, proto);

    private Task<RawResponse> FromAsync(string host, string remote, string forwardedFor, string proto = "http") =>
        HttpProbe.SendRawAsync(_factory, host, "/", configure: c => Forward(c, remote, forwardedFor, proto));

    private static void Forward(HttpContext context, string remote, string forwardedFor, string proto)
    {
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        context.Request.Headers["X-Forwarded-Proto"] = proto;
    }
}
