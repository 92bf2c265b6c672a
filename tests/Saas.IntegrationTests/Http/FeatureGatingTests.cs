using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>A town that never had news and one whose news is switched off, shared by <see cref="FeatureGatingTests"/>.</summary>
public sealed class FeatureGatingFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid ToggledId { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("http_gating") });
        await TestTowns.CreateAsync(Factory, "fg-ohne", features: []);
        await TestTowns.CreateAsync(Factory, "fg-mit");
        // Seeded with news content, then switched off: the content exists but must stay invisible.
        ToggledId = await TestTowns.CreateAsync(Factory, "fg-toggle", articles: [("sommerfest", "Sommerfest in fg-toggle", "Body")]);
        await Factory.Service<TenantAdministration>().SetFeaturesAsync(ToggledId, [], CancellationToken.None);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>A feature a town has not enabled does not exist for it: 404 everywhere, absent from navigation.</summary>
public sealed class FeatureGatingTests(FeatureGatingFixture fixture) : IClassFixture<FeatureGatingFixture>
{
    private const string NavLink = "class=\"site-nav__link\" href=\"/aktuelles\"";
    private readonly PlatformFactory _factory = fixture.Factory;

    public static TheoryData<string, string> NewsPaths => new()
    {
        { "GET", "/aktuelles" },
        { "GET", "/aktuelles/x" },
        { "GET", "/aktuelles/rss.xml" },
        { "GET", "/aktuelles/atom.xml" },
        { "GET", "/api/v1/news" },
        { "GET", $"/api/v1/news/{Guid.CreateVersion7()}" },
        { "POST", "/aktuelles" },
        { "POST", "/aktuelles/x" },
        { "POST", "/aktuelles/rss.xml" },
        { "POST", "/aktuelles/atom.xml" },
        { "POST", "/api/v1/news" },
        { "POST", $"/api/v1/news/{Guid.CreateVersion7()}" },
    };

    [Theory]
    [MemberData(nameof(NewsPaths))]
    public async Task Given_a_town_without_news_When_a_news_path_is_requested_with_any_method_Then_404(string method, string path)
    {
        var response = await _factory.ClientFor("fg-ohne.localhost").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Content.Headers.Allow.Count > 0, "a 404 for a gated endpoint must not list allowed methods");
    }

    [Fact]
    public async Task Given_a_town_with_news_When_the_api_is_posted_to_Then_405_lists_the_allowed_method()
    {
        var response = await _factory.ClientFor("fg-mit.localhost").PostAsync("/api/v1/news", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/aktuelles")]
    [InlineData("/api/v1/tenant")]
    [InlineData("/api/v1/news")]
    [InlineData("/brand.css")]
    public async Task Given_the_platform_host_When_a_town_path_is_requested_Then_404(string path)
    {
        var response = await _factory.ClientFor("localhost").GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Given_the_platform_host_and_a_town_host_When_root_is_requested_Then_each_gets_its_own_home_page()
    {
        var platform = await _factory.ClientFor("localhost").GetStringAsync("/");
        var town = await _factory.ClientFor("fg-mit.localhost").GetStringAsync("/");

        Assert.Contains("Das digitale Rathaus", platform);
        Assert.DoesNotContain("Willkommen in fg-mit", platform);
        Assert.Contains("Willkommen in fg-mit", town);
        Assert.DoesNotContain("Das digitale Rathaus", town);
    }

    [Fact]
    public async Task Given_a_town_without_news_When_the_home_page_is_shown_Then_neither_navigation_nor_a_news_section_mention_news()
    {
        var html = await _factory.ClientFor("fg-ohne.localhost").GetStringAsync("/");

        Assert.Contains("Willkommen in fg-ohne", html);
        Assert.DoesNotContain("href=\"/aktuelles", html);
        Assert.DoesNotContain("home-news", html);
    }

    [Fact]
    public async Task Given_news_switched_off_When_enabled_and_disabled_again_Then_pages_feeds_api_and_navigation_follow_at_once()
    {
        var admin = _factory.Service<TenantAdministration>();
        var client = _factory.ClientFor("fg-toggle.localhost");
        var before = await client.GetStringAsync("/"); // warms the output cache with the news-less home page
        Assert.DoesNotContain(NavLink, before);
        await AssertAllAsync(client, HttpStatusCode.NotFound, articleId: Guid.CreateVersion7());

        await admin.SetFeaturesAsync(fixture.ToggledId, ["news"], CancellationToken.None);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/news");
        var articleId = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        var home = await client.GetStringAsync("/");
        Assert.Contains(NavLink, home);
        Assert.Contains("home-news", home);
        await AssertAllAsync(client, HttpStatusCode.OK, articleId);

        await admin.SetFeaturesAsync(fixture.ToggledId, [], CancellationToken.None);

        Assert.DoesNotContain(NavLink, await client.GetStringAsync("/"));
        await AssertAllAsync(client, HttpStatusCode.NotFound, articleId);
    }

    private static async Task AssertAllAsync(HttpClient client, HttpStatusCode expected, Guid articleId)
    {
        foreach (var path in new[] { "/aktuelles", "/aktuelles/sommerfest", "/aktuelles/rss.xml", "/aktuelles/atom.xml", "/api/v1/news", $"/api/v1/news/{articleId}" })
        {
            var response = await client.GetAsync(path);
            Assert.True(expected == response.StatusCode, $"{path}: expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }
}
