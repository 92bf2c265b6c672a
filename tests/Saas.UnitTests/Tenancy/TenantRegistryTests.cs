using Microsoft.Extensions.Options;
using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Tenancy;

public sealed class TenantRegistryTests
{
    private static TenantRegistry NewRegistry(params TenantEntry[] entries)
    {
        var registry = new TenantRegistry(Options.Create(new PlatformOptions { Domain = "Example.Test" }));
        registry.ReplaceAll(entries);
        return registry;
    }

    private static DomainEntry Secondary(string host, bool verified = true) => new(host, DomainKind.Secondary, verified);

    private static DomainEntry Custom(string host, bool verified = true) => new(host, DomainKind.Custom, verified);

    [Fact]
    public void A_platform_subdomain_resolves_to_its_town()
    {
        var belzig = Towns.Entry("bad-belzig");
        var registry = NewRegistry(belzig, Towns.Entry("wiesenburg-mark"));

        var match = registry.Resolve("bad-belzig.example.test");

        Assert.Equal(HostMatchKind.Tenant, match.Kind);
        Assert.Same(belzig.Snapshot, match.Tenant);
        Assert.Null(match.RedirectHost);
    }

    [Theory]
    [InlineData("BAD-BELZIG.example.test")]
    [InlineData("bad-belzig.example.test:8443")]
    [InlineData("bad-belzig.example.test.")]
    public void The_host_header_is_normalized_before_the_lookup(string header)
    {
        var belzig = Towns.Entry("bad-belzig");

        var match = NewRegistry(belzig).Resolve(header);

        Assert.Equal(belzig.Snapshot.Id, match.Tenant?.Id);
    }

    [Theory]
    [InlineData("unknown.example.test")]
    [InlineData("bad-belzig.example.test.evil.example")]
    [InlineData("belzig.example.test")]
    [InlineData("example.org")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("a b")]
    public void An_unknown_host_is_not_found(string? host)
    {
        var match = NewRegistry(Towns.Entry("bad-belzig")).Resolve(host);

        Assert.Same(HostMatch.NotFound, match);
    }

    [Theory]
    [InlineData(TenantState.Provisioning)]
    [InlineData(TenantState.Disabled)]
    [InlineData(TenantState.Archived)]
    public void A_town_that_is_not_live_answers_like_an_unknown_host(TenantState state)
    {
        var registry = NewRegistry(Towns.Entry("bad-belzig", state, domains: Secondary("www.bad-belzig.example")));

        Assert.Same(HostMatch.NotFound, registry.Resolve("bad-belzig.example.test"));
        Assert.Same(HostMatch.NotFound, registry.Resolve("www.bad-belzig.example"));
    }

    [Fact]
    public void A_suspended_town_still_resolves_so_the_middleware_can_show_its_notice()
    {
        var match = NewRegistry(Towns.Entry("bad-belzig", TenantState.Suspended)).Resolve("bad-belzig.example.test");

        Assert.Equal(HostMatchKind.Tenant, match.Kind);
        Assert.Equal(TenantState.Suspended, match.Tenant!.State);
    }

    [Fact]
    public void A_secondary_domain_redirects_to_the_primary_host()
    {
        var belzig = Towns.Entry("bad-belzig", domains: Secondary("www.bad-belzig.example"));

        var match = NewRegistry(belzig).Resolve("WWW.bad-belzig.example");

        Assert.Equal(HostMatchKind.Redirect, match.Kind);
        Assert.Equal("bad-belzig.example.test", match.RedirectHost);
        Assert.Same(belzig.Snapshot, match.Tenant);
    }

    [Fact]
    public void Given_a_verified_custom_domain_When_the_platform_subdomain_is_requested_Then_it_redirects_to_the_custom_domain()
    {
        var belzig = Towns.Entry("bad-belzig", primaryHost: "bad-belzig.de",
            domains: [Custom("bad-belzig.de"), Secondary("www.bad-belzig.de")]);
        var registry = NewRegistry(belzig);

        var primary = registry.Resolve("bad-belzig.de");
        var platform = registry.Resolve("bad-belzig.example.test");
        var secondary = registry.Resolve("www.bad-belzig.de");

        Assert.Equal((HostMatchKind.Tenant, null), (primary.Kind, primary.RedirectHost));
        Assert.Equal((HostMatchKind.Redirect, "bad-belzig.de"), (platform.Kind, platform.RedirectHost));
        Assert.Equal((HostMatchKind.Redirect, "bad-belzig.de"), (secondary.Kind, secondary.RedirectHost));
    }

    [Fact]
    public void The_oldest_verified_custom_domain_is_the_primary_host()
    {
        DomainEntry[] domains = [Secondary("www.bad-belzig.de"), Custom("neu.bad-belzig.de", verified: false), Custom("bad-belzig.de"), Custom("stadt-bad-belzig.de")];

        Assert.Equal("bad-belzig.de", RegistryStore.PrimaryHost(domains, "bad-belzig", "Example.Test"));
    }

    [Fact]
    public void Without_a_verified_custom_domain_the_platform_subdomain_is_the_primary_host()
    {
        DomainEntry[] domains = [Secondary("www.bad-belzig.de"), Custom("bad-belzig.de", verified: false)];

        Assert.Equal("bad-belzig.example.test", RegistryStore.PrimaryHost(domains, "bad-belzig", "Example.Test"));
        Assert.Equal("bad-belzig.example.test", RegistryStore.PrimaryHost([], "bad-belzig", "example.test"));
    }

    [Fact]
    public void When_a_custom_domain_is_verified_Then_the_town_moves_to_it_and_the_old_hosts_redirect()
    {
        var id = Guid.CreateVersion7();
        DomainEntry[] before = [Custom("bad-belzig.de", verified: false), Secondary("www.bad-belzig.example")];
        DomainEntry[] after = [Custom("bad-belzig.de"), Secondary("www.bad-belzig.example")];
        var registry = NewRegistry(Towns.Entry("bad-belzig", id: id, primaryHost: RegistryStore.PrimaryHost(before, "bad-belzig", "example.test"), domains: before));
        Assert.Equal(HostMatchKind.Tenant, registry.Resolve("bad-belzig.example.test").Kind);

        registry.Upsert(Towns.Entry("bad-belzig", id: id, version: 2, primaryHost: RegistryStore.PrimaryHost(after, "bad-belzig", "example.test"), domains: after));

        Assert.Equal((HostMatchKind.Tenant, (string?)null), (registry.Resolve("bad-belzig.de").Kind, registry.Resolve("bad-belzig.de").RedirectHost));
        Assert.Equal("bad-belzig.de", registry.Resolve("bad-belzig.example.test").RedirectHost);
        Assert.Equal("bad-belzig.de", registry.Resolve("www.bad-belzig.example").RedirectHost);
    }

    [Fact]
    public void An_unverified_domain_is_not_in_the_map()
    {
        var registry = NewRegistry(Towns.Entry("bad-belzig",
            domains: [Custom("bad-belzig.de", verified: false), Secondary("www.bad-belzig.example", verified: false)]));

        Assert.Same(HostMatch.NotFound, registry.Resolve("bad-belzig.de"));
        Assert.Same(HostMatch.NotFound, registry.Resolve("www.bad-belzig.example"));
        Assert.Equal(HostMatchKind.Tenant, registry.Resolve("bad-belzig.example.test").Kind);
    }

    [Theory]
    [InlineData("example.test")]
    [InlineData("EXAMPLE.test:443")]
    [InlineData("www.example.test")]
    [InlineData("example.test.")]
    public void The_platform_domain_and_its_www_are_the_platform_site(string host)
    {
        Assert.Same(HostMatch.Platform, NewRegistry(Towns.Entry("bad-belzig")).Resolve(host));
    }

    [Fact]
    public void A_town_domain_can_never_take_over_the_platform_site()
    {
        var registry = NewRegistry(Towns.Entry("evil",
            domains: [Custom("example.test"), Secondary("www.example.test")]));

        Assert.Same(HostMatch.Platform, registry.Resolve("example.test"));
        Assert.Same(HostMatch.Platform, registry.Resolve("www.example.test"));
    }

    [Fact]
    public void A_town_domain_can_never_take_over_another_towns_platform_subdomain()
    {
        var belzig = Towns.Entry("bad-belzig");
        var evilFirst = Towns.Entry("evil", domains: Secondary("bad-belzig.example.test"));
        foreach (var order in new[] { new[] { belzig, evilFirst }, new[] { evilFirst, belzig } })
        {
            var registry = NewRegistry(order);

            Assert.Equal(belzig.Snapshot.Id, registry.Resolve("bad-belzig.example.test").Tenant?.Id);
        }
    }

    [Fact]
    public void Upsert_replaces_a_towns_hosts()
    {
        var id = Guid.CreateVersion7();
        var registry = NewRegistry(Towns.Entry("bad-belzig", id: id, domains: Secondary("www.bad-belzig.example")));

        registry.Upsert(Towns.Entry("bad-belzig", id: id, version: 2, domains: Secondary("stadt.bad-belzig.example")));

        Assert.Same(HostMatch.NotFound, registry.Resolve("www.bad-belzig.example"));
        Assert.Equal(HostMatchKind.Redirect, registry.Resolve("stadt.bad-belzig.example").Kind);
        Assert.Equal(2, registry.Resolve("bad-belzig.example.test").Tenant!.Version);
        Assert.Single(registry.Tenants);
    }

    [Fact]
    public void Upsert_with_a_new_slug_frees_the_old_platform_subdomain()
    {
        var id = Guid.CreateVersion7();
        var registry = NewRegistry(Towns.Entry("belzig", id: id));

        registry.Upsert(Towns.Entry("bad-belzig", id: id, version: 2));

        Assert.Same(HostMatch.NotFound, registry.Resolve("belzig.example.test"));
        Assert.Equal(id, registry.Resolve("bad-belzig.example.test").Tenant?.Id);
        Assert.Equal(id, registry.FindBySlug("bad-belzig")?.Id);
        Assert.Null(registry.FindBySlug("belzig"));
    }

    [Fact]
    public void Upsert_of_a_new_town_adds_it_without_touching_the_others()
    {
        var belzig = Towns.Entry("bad-belzig");
        var registry = NewRegistry(belzig);

        var wiesenburg = Towns.Entry("wiesenburg-mark");
        registry.Upsert(wiesenburg);

        Assert.Equal(wiesenburg.Snapshot.Id, registry.Resolve("wiesenburg-mark.example.test").Tenant?.Id);
        Assert.Equal(belzig.Snapshot.Id, registry.Resolve("bad-belzig.example.test").Tenant?.Id);
        Assert.Same(wiesenburg.Snapshot, registry.Find(wiesenburg.Snapshot.Id));
    }

    [Fact]
    public void Remove_drops_the_town_and_all_its_hosts()
    {
        var belzig = Towns.Entry("bad-belzig", domains: Secondary("www.bad-belzig.example"));
        var wiesenburg = Towns.Entry("wiesenburg-mark");
        var registry = NewRegistry(belzig, wiesenburg);

        registry.Remove(belzig.Snapshot.Id);

        Assert.Same(HostMatch.NotFound, registry.Resolve("bad-belzig.example.test"));
        Assert.Same(HostMatch.NotFound, registry.Resolve("www.bad-belzig.example"));
        Assert.Null(registry.Find(belzig.Snapshot.Id));
        Assert.Equal(wiesenburg.Snapshot.Id, registry.Resolve("wiesenburg-mark.example.test").Tenant?.Id);
    }

    [Fact]
    public void With_ten_thousand_towns_every_host_resolves_to_its_own_town()
    {
        var entries = Enumerable.Range(0, 10_000)
            .Select(i => i % 3 == 0
                ? Towns.Entry($"town-{i:D5}", primaryHost: $"town-{i:D5}.de", domains: [Custom($"town-{i:D5}.de"), Secondary($"www.town-{i:D5}.de")])
                : Towns.Entry($"town-{i:D5}", domains: Secondary($"www.town-{i:D5}.example")))
            .ToList();
        var registry = NewRegistry([.. entries]);

        foreach (var entry in entries)
        {
            var town = entry.Snapshot;
            foreach (var host in entry.Domains.Select(d => d.Host).Append($"{town.Slug}.example.test"))
            {
                var match = registry.Resolve(host);
                Assert.Same(town, match.Tenant);
                Assert.Equal(host == town.PrimaryHost ? HostMatchKind.Tenant : HostMatchKind.Redirect, match.Kind);
                Assert.Equal(host == town.PrimaryHost ? null : town.PrimaryHost, match.RedirectHost);
            }
        }
        Assert.Equal(10_000, registry.Tenants.Count);
    }

    [Fact]
    public void Resolving_allocates_nothing()
    {
        var registry = NewRegistry(Towns.Entry("bad-belzig", domains: Secondary("www.bad-belzig.example")));
        string[] hosts = ["bad-belzig.example.test", "www.bad-belzig.example", "example.test", "www.example.test", "unknown.example.test"];
        hosts = [.. hosts.Select(h => new string(h.AsSpan()))];
        foreach (var host in hosts)
        {
            registry.Resolve(host);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            foreach (var host in hosts)
            {
                registry.Resolve(host);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_full_reload_racing_with_single_town_refreshes_loses_no_town()
    {
        // Each round starts empty: an upsert that read the map before the reload and wrote after it
        // would put back the empty map plus one town, and every town of the reload would vanish.
        var reloaded = Enumerable.Range(0, 50).Select(i => Towns.Entry($"town-{i:D3}")).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var registry = NewRegistry();
            var refreshed = Enumerable.Range(0, 20).Select(i => Towns.Entry($"new-{i:D2}")).ToArray();
            using var go = new ManualResetEventSlim();
            var upserts = new Thread(() => { go.Wait(); Array.ForEach(refreshed, registry.Upsert); });
            var reload = new Thread(() => { go.Wait(); registry.ReplaceAll(reloaded.Concat(refreshed)); });
            upserts.Start();
            reload.Start();
            go.Set();
            upserts.Join();
            reload.Join();

            var missing = reloaded.Concat(refreshed).Where(e => registry.Find(e.Snapshot.Id) is null).Select(e => e.Snapshot.Slug).ToList();
            Assert.True(missing.Count == 0, $"round {round}: lost {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Given_a_newer_snapshot_When_an_older_one_of_the_same_town_arrives_late_Then_the_newer_one_stays()
    {
        var id = Guid.CreateVersion7();
        var registry = NewRegistry(Towns.Entry("bad-belzig", id: id, version: 5, state: TenantState.Suspended));

        registry.Upsert(Towns.Entry("bad-belzig", id: id, version: 4));

        Assert.Equal(5, registry.Find(id)!.Version);
        Assert.Equal(TenantState.Suspended, registry.Find(id)!.State);
    }
}
