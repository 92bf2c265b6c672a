using System.Diagnostics;
using System.Net;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>
/// Two nodes on one database and one Redis channel. Their version sweep runs only every ten
/// minutes, so anything node B learns within the test came through Redis pub/sub.
/// </summary>
public sealed class CrossNodeFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public PlatformFactory NodeA { get; private set; } = null!;
    public PlatformFactory NodeB { get; private set; } = null!;
    public Guid TownId { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("http_nodes");
        var redis = await RedisServer.GetAsync();
        var options = new PlatformFactoryOptions
        {
            Database = Database,
            Redis = redis.ConnectionString,
            ChangeChannel = redis.NewChannelPrefix() + "tenants",
            VersionSweepInterval = TimeSpan.FromMinutes(10),
        };
        NodeA = new PlatformFactory(options);
        TownId = await TestTowns.CreateAsync(NodeA, "cn-stadt", articles: [("start", "Startmeldung", "Body")]);
        NodeB = new PlatformFactory(options); // starts after the town exists: it loads it from the database
        _ = NodeB.Server;
    }

    public async Task DisposeAsync()
    {
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
    }
}

/// <summary>Timed tests: they run on their own, not beside the other classes' startups on a two-core machine.</summary>
[CollectionDefinition(nameof(CrossNodeTests), DisableParallelization = true)]
public sealed class CrossNodeCollection;

/// <summary>A change made on one node is served by the other: at once through Redis, and eventually through the sweep.</summary>
[Collection(nameof(CrossNodeTests))]
public sealed class CrossNodeTests(CrossNodeFixture fixture) : IClassFixture<CrossNodeFixture>
{
    [Fact]
    public async Task Given_node_B_has_cached_a_page_When_the_towns_name_changes_on_node_A_Then_B_serves_the_new_name_within_a_second()
    {
        var b = fixture.NodeB.ClientFor("cn-stadt.localhost");
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("Test cn-stadt", await b.GetStringAsync("/")); // the second answer comes from B's output cache
        }

        var registryB = fixture.NodeB.Service<TenantRegistry>();
        TimeSpan? known = null;
        await fixture.NodeA.Service<TenantAdministration>().SetNameAsync(fixture.TownId, "Neuhausen am Test", CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var arrived = await HttpProbe.EventuallyAsync(async () =>
        {
            known ??= registryB.Find(fixture.TownId)?.Name == "Neuhausen am Test" ? clock.Elapsed : null;
            return (await b.GetStringAsync("/")).Contains("Neuhausen am Test");
        }, TimeSpan.FromSeconds(5));
        clock.Stop();

        // The registry time tells a lost or slow message (never/late) from a stale cached page (early, page late).
        var timing = $"B's registry after {known?.TotalMilliseconds.ToString("0") ?? "never"} ms, page after {clock.ElapsedMilliseconds} ms";
        Assert.True(arrived, $"node B never served the new name; {timing}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), timing);
        Assert.DoesNotContain("Test cn-stadt", await b.GetStringAsync("/"));
    }

    [Fact]
    public async Task Given_two_nodes_When_a_new_town_is_created_on_node_A_Then_node_B_knows_it_within_a_second_and_serves_it()
    {
        var b = fixture.NodeB.ClientFor("cn-neu.localhost");
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync("/")).StatusCode);
        var registryB = fixture.NodeB.Service<TenantRegistry>();

        await TestTowns.CreateAsync(fixture.NodeA, "cn-neu");
        var clock = Stopwatch.StartNew();
        // Timed on B's registry, not on B's first page for the town: that first render is slow on a busy machine.
        var arrived = await HttpProbe.EventuallyAsync(() => Task.FromResult(registryB.Resolve("cn-neu.localhost").Kind == HostMatchKind.Tenant), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(5));
        clock.Stop();

        Assert.True(arrived, "node B never learned of the new town");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"node B took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Given_two_nodes_without_redis_When_the_theme_changes_on_node_A_Then_the_version_sweep_brings_it_to_node_B()
    {
        var options = new PlatformFactoryOptions { Database = fixture.Database, VersionSweepInterval = TimeSpan.FromMilliseconds(200) };
        await using var nodeA = new PlatformFactory(options);
        await using var nodeB = new PlatformFactory(options);
        var townId = await TestTowns.CreateAsync(nodeA, "cn-lokal", theme: "klassisch");
        var b = nodeB.ClientFor("cn-lokal.localhost");
        Assert.Contains("theme-klassisch", await b.GetStringAsync("/"));

        await nodeA.Service<TenantAdministration>().SetThemeAsync(townId, "modern", CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var arrived = await HttpProbe.EventuallyAsync(async () => (await b.GetStringAsync("/")).Contains("theme-modern"), TimeSpan.FromSeconds(10));
        clock.Stop();

        Assert.True(arrived, "node B never served the new theme");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"node B took {clock.ElapsedMilliseconds} ms");
    }
}
