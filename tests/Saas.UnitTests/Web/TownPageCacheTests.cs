using Microsoft.Extensions.Primitives;
using Saas.Host.Web;
using Saas.Kernel.Tenancy;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Web;

/// <summary>The town page store: versions, towns, expiry and its memory bound.</summary>
public sealed class TownPageCacheTests
{
    private readonly ManualClock _clock = new();

    private static TenantSnapshot Town(string slug, Guid? id = null, long version = 1) =>
        Towns.Snapshot(slug, TenantState.Active, $"{slug}.{Towns.PlatformDomain}", id ?? Guid.CreateVersion7(), version);

    private CachedPage Page(string text, int padding = 0) =>
        new([new("Content-Type", new StringValues("text/html"))], System.Text.Encoding.UTF8.GetBytes(text + new string('.', padding)), _clock.GetTimestamp(), 10);

    [Fact]
    public void Given_a_stored_page_When_the_same_version_of_the_town_asks_Then_it_is_found()
    {
        var cache = new TownPageCache(_clock);
        var town = Town("a");
        var page = Page("home");

        Assert.True(cache.Store(town, "key", page));

        Assert.Same(page, cache.Find(town, "key"));
        Assert.Null(cache.Find(town, "other"));
    }

    [Fact]
    public void Given_a_page_of_version_1_When_the_town_is_at_version_2_Then_it_is_not_found_and_storing_for_2_gives_its_memory_back()
    {
        var cache = new TownPageCache(_clock);
        var id = Guid.CreateVersion7();
        cache.Store(Town("a", id, 1), "key", Page("old", padding: 10_000));

        Assert.Null(cache.Find(Town("a", id, 2), "key"));

        var fresh = Page("new");
        cache.Store(Town("a", id, 2), "key", fresh);
        Assert.Equal(fresh.Size, cache.Size);
        Assert.Null(cache.Find(Town("a", id, 1), "key"));
    }

    [Fact]
    public void Given_a_newer_version_cached_When_a_late_render_of_the_older_version_is_stored_Then_it_is_refused()
    {
        var cache = new TownPageCache(_clock);
        var id = Guid.CreateVersion7();
        cache.Store(Town("a", id, 2), "key", Page("new"));

        Assert.False(cache.Store(Town("a", id, 1), "key", Page("old")));

        Assert.Equal("new", Text(cache.Find(Town("a", id, 2), "key")));
    }

    [Fact]
    public void Given_two_towns_with_the_same_key_When_both_are_cached_Then_each_finds_its_own_page_and_evicting_one_keeps_the_other()
    {
        var cache = new TownPageCache(_clock);
        var a = Town("a");
        var b = Town("b");
        cache.Store(a, "key", Page("a"));
        cache.Store(b, "key", Page("b"));

        Assert.Equal("a", Text(cache.Find(a, "key")));
        Assert.Equal("b", Text(cache.Find(b, "key")));

        cache.Evict(a.Id);

        Assert.Null(cache.Find(a, "key"));
        Assert.Equal("b", Text(cache.Find(b, "key")));
        Assert.Equal(cache.Find(b, "key")!.Size, cache.Size);
    }

    [Fact]
    public void Given_a_page_When_its_lifetime_has_passed_Then_it_is_not_found_and_its_memory_is_given_back()
    {
        var cache = new TownPageCache(_clock);
        var town = Town("a");
        cache.Store(town, "key", Page("home"));

        _clock.Advance(TownPageCachePolicy.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(cache.Find(town, "key"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find(town, "key"));
        Assert.Equal(0, cache.Size);
    }

    [Fact]
    public void Given_pages_nobody_asks_for_again_When_a_page_is_stored_a_lifetime_later_Then_the_expired_ones_are_swept()
    {
        var cache = new TownPageCache(_clock);
        for (var i = 0; i < 100; i++)
        {
            cache.Store(Town($"t{i}"), "key", Page($"page {i}"));
        }

        _clock.Advance(TownPageCachePolicy.Lifetime + TimeSpan.FromSeconds(1));
        var fresh = Page("fresh");
        cache.Store(Town("new"), "key", fresh);

        Assert.Equal(fresh.Size, cache.Size);
    }

    [Fact]
    public void Given_a_full_cache_When_more_pages_are_stored_Then_they_are_refused_until_older_ones_expire()
    {
        var limit = 10 * Page("x", padding: 999).Size;
        var cache = new TownPageCache(_clock, limit);
        var town = Town("a");
        var stored = 0;
        while (cache.Store(town, $"page-{stored}", Page("x", padding: 999)))
        {
            stored++;
        }

        Assert.Equal(10, stored);
        Assert.Equal(limit, cache.Size);
        Assert.NotNull(cache.Find(town, "page-0"));

        _clock.Advance(TownPageCachePolicy.Lifetime);
        Assert.True(cache.Store(town, "later", Page("x")));
        Assert.Equal(cache.Find(town, "later")!.Size, cache.Size);
    }

    private static string? Text(CachedPage? page) => page is null ? null : System.Text.Encoding.UTF8.GetString(page.Body);
}
