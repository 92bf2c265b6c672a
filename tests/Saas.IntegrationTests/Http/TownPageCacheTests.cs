using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Saas.Host.Tenancy;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.Isolation;

namespace Saas.IntegrationTests.Http;

/// <summary>Two towns on one node, shared by <see cref="TownPageCacheTests"/>; each test uses its own paths or town.</summary>
public sealed class TownPageCacheFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("http_pagecache");
        Database = new NpgsqlConnectionStringBuilder(database.AppConnectionString).Database!;
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = database });
        await TestTowns.CreateAsync(Factory, "pc-a", features: []);
        await TestTowns.CreateAsync(Factory, "pc-news");
        await TestTowns.CreateAsync(Factory, "pc-b", features: []);
        await TestTowns.CreateAsync(Factory, "pc-rename", features: []);
        await TestTowns.CreateAsync(Factory, "pc-domain", features: []);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The town page cache as residents see it: a hit carries an <c>Age</c> header, a page the town
/// rendered for this request does not. Signed-in people, other languages, other hosts and other
/// towns never get someone else's page, and a change to the town shows on the next request.
/// </summary>
public sealed class TownPageCacheTests(TownPageCacheFixture fixture) : IClassFixture<TownPageCacheFixture>
{
    private readonly PlatformFactory _factory = fixture.Factory;

    [Fact]
    public async Task Given_a_cached_home_page_When_an_admin_renames_the_town_Then_the_very_next_request_shows_the_new_name()
    {
        var client = _factory.ClientFor("pc-rename.localhost");
        await client.GetAsync("/");
        Assert.True(IsFromCache(await client.GetAsync("/")));

        var townId = _factory.Service<TenantRegistry>().Resolve("pc-rename.localhost").Tenant!.Id;
        await _factory.Service<TenantAdministration>().SetNameAsync(townId, "Neu benannt", CancellationToken.None);
        var next = await client.GetAsync("/");

        Assert.False(IsFromCache(next));
        Assert.Contains(">Neu benannt<", await next.Content.ReadAsStringAsync());
        Assert.True(IsFromCache(await client.GetAsync("/")));
    }

    [Theory]
    [InlineData("Cookie", "__Host-town=sitzung")]
    [InlineData("Cookie", "__Host-staff=sitzung")]
    [InlineData("Cookie", "__Host-support=sitzung")]
    [InlineData("Cookie", ".AspNetCore.Antiforgery.abc=token")]
    [InlineData("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den; __Host-town=sitzung")]
    [InlineData("Authorization", "Bearer token")]
    public async Task Given_a_signed_in_request_When_a_page_is_cached_or_not_Then_it_never_gets_a_cached_page_nor_stores_one(string header, string value)
    {
        var path = $"/?fall={Uri.EscapeDataString(value)}";
        var anonymous = _factory.ClientFor("pc-a.localhost");
        var signedIn = _factory.ClientFor("pc-a.localhost");
        signedIn.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

        // Nothing cached yet: what the signed-in request renders must not be kept for anyone.
        Assert.False(IsFromCache(await signedIn.GetAsync(path)));
        Assert.False(IsFromCache(await signedIn.GetAsync(path)));
        Assert.False(IsFromCache(await anonymous.GetAsync(path)));

        // Now cached for anonymous readers: the signed-in request still gets its own page.
        Assert.True(IsFromCache(await anonymous.GetAsync(path)));
        Assert.False(IsFromCache(await signedIn.GetAsync(path)));
    }

    [Fact]
    public async Task Given_a_cached_german_page_When_english_is_chosen_by_cookie_or_query_Then_each_language_gets_its_own_page()
    {
        var german = _factory.ClientFor("pc-a.localhost");
        var englishByCookie = _factory.ClientFor("pc-a.localhost");
        englishByCookie.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        await german.GetAsync("/kontakt");
        Assert.True(IsFromCache(await german.GetAsync("/kontakt")));

        var byCookie = await englishByCookie.GetAsync("/kontakt");
        var byQuery = await german.GetAsync("/kontakt?culture=en");

        Assert.Contains("<html lang=\"en\"", await byCookie.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"en\"", await byQuery.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"en\"", await (await englishByCookie.GetAsync("/kontakt")).Content.ReadAsStringAsync());
        var germanAgain = await german.GetAsync("/kontakt");
        Assert.True(IsFromCache(germanAgain));
        Assert.Contains("<html lang=\"de\"", await germanAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_cached_page_of_one_town_When_another_towns_host_asks_for_the_same_path_Then_it_gets_its_own_town()
    {
        var a = _factory.ClientFor("pc-a.localhost");
        var b = _factory.ClientFor("pc-b.localhost");
        await a.GetAsync("/impressum");
        Assert.True(IsFromCache(await a.GetAsync("/impressum")));

        var first = await b.GetAsync("/impressum");
        var second = await b.GetAsync("/impressum");

        Assert.False(IsFromCache(first));
        Assert.True(IsFromCache(second));
        foreach (var response in new[] { first, second })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Test pc-b", html);
            Assert.DoesNotContain("pc-a", html);
        }
    }

    [Fact]
    public async Task Given_a_page_cached_on_the_platform_host_When_the_town_gets_its_own_domain_Then_the_old_host_redirects_at_once_and_the_new_host_renders_its_own_page()
    {
        var platformHost = _factory.ClientFor("pc-domain.localhost");
        var ownDomain = _factory.ClientFor("pc-domain.example.org");
        await platformHost.GetAsync("/");
        Assert.True(IsFromCache(await platformHost.GetAsync("/")));

        var townId = _factory.Service<TenantRegistry>().Resolve("pc-domain.localhost").Tenant!.Id;
        await _factory.Service<TenantAdministration>().AddDomainAsync(townId, "pc-domain.example.org", DomainKind.Custom, verified: true, CancellationToken.None);
        var old = await platformHost.GetAsync("/");
        var first = await ownDomain.GetAsync("/");

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("pc-domain.example.org", old.Headers.Location?.Host);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(IsFromCache(first));
        Assert.True(IsFromCache(await ownDomain.GetAsync("/")));
    }

    [Fact]
    public async Task Given_a_page_cached_over_http_When_it_is_served_over_https_Then_it_carries_hsts_and_the_https_policy_and_http_does_not()
    {
        var http = _factory.ClientFor("pc-b.localhost");
        var https = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://pc-b.localhost/"), AllowAutoRedirect = false });
        await http.GetAsync("/datenschutz");
        await https.GetAsync("/datenschutz");

        var cachedHttp = await http.GetAsync("/datenschutz");
        var cachedHttps = await https.GetAsync("/datenschutz");

        Assert.True(IsFromCache(cachedHttp) && IsFromCache(cachedHttps));
        Assert.False(cachedHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("upgrade-insecure-requests", string.Join(";", cachedHttp.Headers.GetValues("Content-Security-Policy")));
        Assert.True(cachedHttps.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("upgrade-insecure-requests", string.Join(";", cachedHttps.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(cachedHttps.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Given_a_page_that_does_not_exist_When_it_is_requested_twice_Then_the_404_page_is_never_cached()
    {
        var client = _factory.ClientFor("pc-b.localhost");

        var first = await client.GetAsync("/gibt-es-nicht");
        var second = await client.GetAsync("/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.False(IsFromCache(first) || IsFromCache(second));
    }

    [Fact]
    public async Task Given_a_cached_page_When_it_is_requested_with_head_Then_the_headers_come_without_a_body()
    {
        var client = _factory.ClientFor("pc-b.localhost");
        var get = await client.GetAsync("/barrierefreiheit");
        var length = (await get.Content.ReadAsByteArrayAsync()).Length;

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/barrierefreiheit"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(IsFromCache(head));
        Assert.Equal(length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Given_a_page_nobody_has_asked_for_When_many_residents_ask_at_once_Then_the_town_renders_it_once_and_all_get_it()
    {
        var client = _factory.ClientFor("pc-news.localhost");
        long once;
        using (var single = new DatabaseCommandCounter(fixture.Database, "news_articles"))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/news?ansturm=0")).StatusCode);
            once = single.Count;
        }
        Assert.True(once > 0);

        using var commands = new DatabaseCommandCounter(fixture.Database, "news_articles");
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAsync("/api/v1/news?ansturm=1")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(once, commands.Count);
    }

    private static bool IsFromCache(HttpResponseMessage response) => response.Headers.Age is not null;
}
