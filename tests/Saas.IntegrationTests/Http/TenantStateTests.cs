using System.Net;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Tenancy;

namespace Saas.IntegrationTests.Http;

/// <summary>One node with towns in every lifecycle state, shared by the tests of <see cref="TenantStateTests"/>.</summary>
public sealed class TenantStateFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid SuspendedId { get; private set; }
    public Guid IdnId { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("http_state") });
        await TestTowns.CreateAsync(Factory, "st-provisioning", state: "provisioning", articles: [("geheim-p", "Geheimnis Provisioning", "P")]);
        await TestTowns.CreateAsync(Factory, "st-disabled", state: "disabled", articles: [("geheim-d", "Geheimnis Disabled", "D")]);
        await TestTowns.CreateAsync(Factory, "st-archived", state: "archived", articles: [("geheim-a", "Geheimnis Archived", "A")]);
        SuspendedId = await TestTowns.CreateAsync(Factory, "st-suspended", articles: [("ruhend", "Beitrag der ruhenden Gemeinde", "R")]);
        IdnId = await TestTowns.CreateAsync(Factory, "st-idn", articles: [("umlaut", "Beitrag aus Müllheim", "U")]);
        // A town's own domain lies outside the platform domain: names under it are the platform's to hand out.
        await Factory.Service<TenantAdministration>().AddDomainAsync(IdnId, "xn--mllheim-n2a.example", DomainKind.Custom, verified: true, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>How hosts of towns in each lifecycle state, and hosts that are no town at all, answer.</summary>
public sealed class TenantStateTests(TenantStateFixture fixture) : IClassFixture<TenantStateFixture>
{
    private readonly PlatformFactory _factory = fixture.Factory;

    public static TheoryData<string> HiddenHosts => new()
    {
        "st-provisioning.localhost",
        "st-disabled.localhost",
        "st-archived.localhost",
        "niemand.localhost",
        "-bad-.localhost",
        "a..b.localhost",
        "x_y.localhost",
        new string('a', 290) + ".localhost",
        "[::1]",
        "mölln.localhost", // an IDN host no town registered
    };

    [Theory]
    [MemberData(nameof(HiddenHosts))]
    public async Task Given_a_host_that_serves_no_live_town_When_requested_Then_the_neutral_404_is_byte_identical_and_names_no_town(string host)
    {
        var reference = await HttpProbe.SendRawAsync(_factory, "niemand-sonst.localhost", "/");

        var response = await HttpProbe.SendRawAsync(_factory, host, "/");

        Assert.Equal(404, response.Status);
        Assert.Equal(reference.Body, response.Body);
        Assert.Contains("Diese Adresse ist nicht vergeben", response.Body);
        foreach (var secret in new[] { "st-provisioning", "st-disabled", "st-archived", "Test st", "Geheimnis", "Verwaltung", "Hauptstra" })
        {
            Assert.DoesNotContain(secret, response.Body);
        }
    }

    [Theory]
    [InlineData("st-disabled.localhost", "/aktuelles/geheim-d")]
    [InlineData("st-archived.localhost", "/api/v1/tenant")]
    [InlineData("st-provisioning.localhost", "/aktuelles/rss.xml")]
    public async Task Given_a_switched_off_town_When_a_deep_path_is_requested_Then_the_answer_equals_the_unknown_host_answer(string host, string path)
    {
        var unknown = await HttpProbe.SendRawAsync(_factory, "niemand.localhost", path);

        var response = await HttpProbe.SendRawAsync(_factory, host, path);

        Assert.Equal(404, response.Status);
        Assert.Equal(unknown.Headers.ContentType.ToString(), response.Headers.ContentType.ToString());
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(unknown.Body, response.Body); // problem details carry a per-request traceId, pages do not
        }
        Assert.DoesNotContain("Geheimnis", response.Body);
        Assert.DoesNotContain("Test st", response.Body);
    }

    [Fact]
    public async Task Given_an_unknown_host_When_the_api_is_called_Then_problem_json_404_answers()
    {
        var response = await _factory.ClientFor("niemand.localhost").GetAsync("/api/v1/news");

        var problem = await HttpProbe.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Test st", problem.ToString());
    }

    [Theory]
    [InlineData("müllheim.example")]
    [InlineData("MÜLLHEIM.example")]
    [InlineData("xn--mllheim-n2a.example")]
    public async Task Given_a_registered_IDN_domain_When_requested_in_unicode_or_punycode_Then_its_town_answers(string host)
    {
        var response = await HttpProbe.SendRawAsync(_factory, host, "/aktuelles");

        Assert.Equal(200, response.Status);
        Assert.Contains("Beitrag aus Müllheim", System.Net.WebUtility.HtmlDecode(response.Body));
    }

    [Fact]
    public async Task Given_a_suspended_town_When_residents_visit_Then_503_names_town_and_contact_and_reactivation_brings_content_back()
    {
        var admin = _factory.Service<TenantAdministration>();
        var client = _factory.ClientFor("st-suspended.localhost");
        Assert.Contains("Beitrag der ruhenden Gemeinde", await client.GetStringAsync("/aktuelles")); // cached while active

        await admin.SetStateAsync(fixture.SuspendedId, TenantState.Suspended, CancellationToken.None);
        try
        {
            var page = await client.GetAsync("/aktuelles");
            var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("Gemeinde Test st-suspended", html);
            Assert.Contains("Verwaltung st-suspended", html);
            Assert.Contains("info@st-suspended.example.org", html);
            Assert.Contains("0000 000", html);
            Assert.DoesNotContain("Beitrag der ruhenden Gemeinde", html);
            await HttpProbe.AssertProblemAsync(await client.GetAsync("/api/v1/news"), HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await admin.SetStateAsync(fixture.SuspendedId, TenantState.Active, CancellationToken.None);
        }

        var again = await client.GetAsync("/aktuelles");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Beitrag der ruhenden Gemeinde", await again.Content.ReadAsStringAsync());
    }
}
