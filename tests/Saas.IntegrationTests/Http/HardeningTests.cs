using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>
/// A node on the test server, and a second node on a real Kestrel socket for the limits only
/// Kestrel enforces (the test server applies no request-header size limit). Both share one database.
/// </summary>
public sealed class HardeningFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;
    public PlatformFactory Kestrel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("http_hardening") };
        Factory = new PlatformFactory(options);
        await TestTowns.CreateAsync(Factory, "hd-a", articles: [("meldung", "Meldung aus hd-a", "Body")]);
        Kestrel = new PlatformFactory(options);
        Kestrel.UseKestrel(0);
        Kestrel.StartServer(); // after the town exists: the node loads it at startup
    }

    public async Task DisposeAsync()
    {
        await Kestrel.DisposeAsync();
        await Factory.DisposeAsync();
    }
}

/// <summary>Security headers, error answers for bad paths and bad input, request-size limits.</summary>
public sealed partial class HardeningTests(HardeningFixture fixture) : IClassFixture<HardeningFixture>
{
    private readonly PlatformFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("hd-a.localhost", "/")]
    [InlineData("hd-a.localhost", "/aktuelles/meldung")]
    [InlineData("hd-a.localhost", "/api/v1/tenant")]
    [InlineData("niemand.localhost", "/")]
    public async Task Given_any_response_When_headers_are_read_Then_csp_forbids_inline_script_and_framing_and_sniffing_is_off(string host, string path)
    {
        var response = await _factory.ClientFor(host).GetAsync(path);

        var csp = Directives(string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("'self'", csp["script-src"]);
        Assert.DoesNotContain("'unsafe-inline'", csp["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", csp["script-src"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Given_server_timing_off_by_default_When_a_page_is_served_Then_no_timing_is_revealed_and_on_request_it_is()
    {
        var silent = await _factory.ClientFor("hd-a.localhost").GetAsync("/api/v1/tenant");
        await using var benchmarked = _factory.WithWebHostBuilder(b => b.UseSetting("Platform:ServerTiming", "true"));
        var timed = await HttpProbe.SendRawAsync(benchmarked, "hd-a.localhost", "/api/v1/tenant");

        Assert.Equal(HttpStatusCode.OK, silent.StatusCode);
        Assert.False(silent.Headers.Contains("Server-Timing"));
        Assert.Equal(200, timed.Status);
        Assert.Matches(@"^app;dur=\d+\.\d{2}$", timed.Headers["Server-Timing"].ToString());
    }

    [Fact]
    public async Task Given_production_When_a_town_is_requested_over_https_Then_hsts_is_sent_and_insecure_requests_are_upgraded()
    {
        var https = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://hd-a.localhost/"), AllowAutoRedirect = false });

        var response = await https.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = long.Parse(MaxAge().Match(hsts).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= TimeSpan.FromDays(30).TotalSeconds, $"HSTS max-age {maxAge} is too short");
        Assert.Contains("upgrade-insecure-requests", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Given_plain_http_When_a_town_is_requested_Then_no_hsts_is_sent_because_browsers_must_ignore_it_there()
    {
        var response = await _factory.ClientFor("hd-a.localhost").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/gibt-es-nicht")]
    [InlineData("/aktuelles/gibt-es-nicht")]
    [InlineData("/aktuelles/%3Cscript%3E")]
    [InlineData("/aktuelles?seite=abc")]
    [InlineData("/aktuelles?seite=0")]
    [InlineData("/aktuelles?seite=-1")]
    [InlineData("/aktuelles?seite=2")]
    [InlineData("/aktuelles?seite=99999")]
    [InlineData("/aktuelles?seite=99999999999999999999")]
    [InlineData("/aktuelles?kategorie=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/aktuelles?kategorie=unbekannt")]
    public async Task Given_a_path_or_query_that_names_no_page_When_requested_Then_404_page_in_the_towns_layout(string path)
    {
        var response = await _factory.ClientFor("hd-a.localhost").GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Seite nicht gefunden", html);
        Assert.Contains("Test hd-a", html); // the town's header and footer, not a bare error
        Assert.DoesNotContain("<script>", html);
    }

    [Theory]
    [InlineData("/api/gibt-es-nicht")]
    [InlineData("/api/v1/news/keine-guid")]
    [InlineData("/api/v1/news?category=unbekannt")]
    public async Task Given_an_api_path_that_names_nothing_When_requested_Then_problem_json_404(string path)
    {
        var response = await _factory.ClientFor("hd-a.localhost").GetAsync(path);

        await HttpProbe.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/news?page=0", "page")]
    [InlineData("/api/v1/news?page=10001", "page")]
    [InlineData("/api/v1/news?pageSize=0", "pageSize")]
    [InlineData("/api/v1/news?pageSize=51", "pageSize")]
    public async Task Given_an_out_of_range_paging_value_When_the_api_is_called_Then_400_problem_names_the_field(string path, string field)
    {
        var response = await _factory.ClientFor("hd-a.localhost").GetAsync(path);

        var problem = await HttpProbe.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field).EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/news?page=abc")]
    [InlineData("/api/v1/news?pageSize=99999999999999999999")]
    public async Task Given_a_paging_value_that_is_no_number_When_the_api_is_called_Then_400_problem_json_not_500(string path)
    {
        var response = await _factory.ClientFor("hd-a.localhost").GetAsync(path);

        await HttpProbe.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Given_kestrel_When_a_40_kb_cookie_is_sent_Then_431_and_not_500_while_a_normal_request_passes()
    {
        using var client = HttpProbe.KestrelClient(fixture.Kestrel, "hd-a.localhost");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "big=" + new string('x', 40 * 1024));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    private static Dictionary<string, string[]> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"max-age=(\d+)")]
    private static partial Regex MaxAge();
}
