using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>Two towns with articles (one of them hostile Markdown), shared by <see cref="ApiTests"/>.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string HostileBody = "Vorsicht <script>alert(1)</script> und [x](javascript:alert(1)) und [ok](https://example.org/).";

    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("http_api") });
        await TestTowns.CreateAsync(Factory, "api-a", articles:
        [
            ("eins", "Erste Meldung aus api-a", "Eins."),
            ("zwei", "Zweite Meldung aus api-a", "Zwei."),
            ("drei", "Dritte Meldung aus api-a", HostileBody),
        ]);
        await TestTowns.CreateAsync(Factory, "api-b", articles: [("geheim", "Interna aus api-b", "Nur für api-b.")]);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The public JSON API: always about the calling host's town, sanitized, documented.</summary>
public sealed class ApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly PlatformFactory _factory = fixture.Factory;

    [Fact]
    public async Task Given_a_town_When_its_profile_is_requested_Then_slug_name_features_theme_cultures_and_contact_are_its_own()
    {
        var profile = await _factory.ClientFor("api-a.localhost").GetFromJsonAsync<JsonElement>("/api/v1/tenant");

        Assert.Equal("api-a", profile.GetProperty("slug").GetString());
        Assert.Equal("Test api-a", profile.GetProperty("name").GetString());
        Assert.Equal("Gemeinde Test api-a", profile.GetProperty("fullName").GetString());
        Assert.Equal("https://api-a.localhost", profile.GetProperty("url").GetString());
        Assert.Equal(["news"], profile.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("klassisch", profile.GetProperty("theme").GetString());
        Assert.Equal(["de", "en"], profile.GetProperty("cultures").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Europe/Berlin", profile.GetProperty("timeZone").GetString());
        var contact = profile.GetProperty("contact");
        Assert.Equal("Verwaltung api-a", contact.GetProperty("authority").GetString());
        Assert.Equal("Hauptstraße 1", contact.GetProperty("street").GetString());
        Assert.Equal("14806", contact.GetProperty("postalCode").GetString());
        Assert.Equal("info@api-a.example.org", contact.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Given_two_towns_When_news_is_listed_Then_only_the_callers_articles_appear_with_paging_fields()
    {
        var client = _factory.ClientFor("api-a.localhost");

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?pageSize=2&page=2");

        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        var titles = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Dritte Meldung aus api-a", "Zweite Meldung aus api-a", "Erste Meldung aus api-a"], titles);
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal("/aktuelles/drei", first.GetProperty("items")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Given_an_article_with_hostile_markdown_When_fetched_by_id_Then_body_html_has_no_script_and_no_javascript_link()
    {
        var client = _factory.ClientFor("api-a.localhost");
        var id = await ArticleIdAsync(client, "drei");

        var response = await client.GetAsync($"/api/v1/news/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
        var html = detail.GetProperty("bodyHtml").GetString()!;
        Assert.Equal(id, detail.GetProperty("article").GetProperty("id").GetGuid());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Vorsicht", html);
        Assert.Contains("href=\"https://example.org/\"", html); // safe links survive
    }

    [Fact]
    public async Task Given_another_towns_article_id_When_fetched_Then_404_problem_json_without_its_content()
    {
        var otherId = await ArticleIdAsync(_factory.ClientFor("api-b.localhost"), "geheim");

        var response = await _factory.ClientFor("api-a.localhost").GetAsync($"/api/v1/news/{otherId}");

        var problem = await HttpProbe.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Interna", problem.ToString());
    }

    [Fact]
    public async Task Given_the_openapi_document_When_fetched_Then_it_is_json_listing_the_public_endpoints()
    {
        var response = await _factory.ClientFor("api-a.localhost").GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/tenant", paths);
        Assert.Contains("/api/v1/news", paths);
        Assert.Contains("/api/v1/news/{id}", paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal)); // pages, feeds, probes stay out
    }

    private static async Task<Guid> ArticleIdAsync(HttpClient client, string slug)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?pageSize=50");
        return list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == slug).GetProperty("id").GetGuid();
    }
}
