using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Tenancy;

/// <summary>
/// The node's in-memory map from host to town. Resolution is one dictionary lookup on an
/// immutable map; changes build a new map and swap it in, so readers never lock.
/// </summary>
internal sealed class TenantRegistry(IOptions<PlatformOptions> options)
{
    private readonly string _platformDomain = options.Value.Domain.ToLowerInvariant();
    private readonly string _wwwPlatformDomain = "www." + options.Value.Domain.ToLowerInvariant();
    private readonly Lock _writes = new();
    private volatile Map _map = Map.Empty;

    /// <summary>Every known town (any state).</summary>
    public IReadOnlyList<TenantSnapshot> Tenants => _map.Tenants.Values.Select(e => e.Snapshot).ToList();

    public TenantSnapshot? Find(Guid id) => _map.Tenants.GetValueOrDefault(id)?.Snapshot;

    public TenantSnapshot? FindBySlug(string slug) => _map.Tenants.Values.FirstOrDefault(t => t.Snapshot.Slug == slug)?.Snapshot;

    public string PlatformSubdomain(string slug) => $"{slug}.{_platformDomain}";

    /// <summary>The platform domain itself or any name below it: those are the platform's to hand out, never a town's own domain.</summary>
    private bool IsPlatformHost(string host) =>
        host == _platformDomain || (host.EndsWith(_platformDomain, StringComparison.Ordinal) && host.Length > _platformDomain.Length
            && host[^(_platformDomain.Length + 1)] == '.');

    /// <summary>What a request for <paramref name="rawHost"/> is: a town, a redirect, the platform site, or nothing.</summary>
    public HostMatch Resolve(string? rawHost)
    {
        var host = HostNormalizer.Normalize(rawHost);
        if (host is null)
        {
            return HostMatch.NotFound;
        }
        if (_map.Hosts.TryGetValue(host, out var match))
        {
            return match.Tenant!.State is TenantState.Active or TenantState.Suspended ? match : HostMatch.NotFound;
        }
        return host == _platformDomain || host == _wwwPlatformDomain ? HostMatch.Platform : HostMatch.NotFound;
    }

    // Writers take a lock so that a full reload and a concurrent single-town refresh cannot
    // overwrite each other's map (a lost update would make towns vanish until the next sweep).
    public void ReplaceAll(IEnumerable<TenantEntry> entries)
    {
        var all = entries.ToDictionary(e => e.Snapshot.Id);
        lock (_writes)
        {
            _map = Map.Build(all, this);
        }
    }

    public void Upsert(TenantEntry entry)
    {
        lock (_writes)
        {
            var current = _map.Tenants.ToDictionary();
            current[entry.Snapshot.Id] = entry;
            _map = Map.Build(current, this);
        }
    }

    public void Remove(Guid id)
    {
        lock (_writes)
        {
            var current = _map.Tenants.ToDictionary();
            if (current.Remove(id))
            {
                _map = Map.Build(current, this);
            }
        }
    }

    private sealed record Map(FrozenDictionary<string, HostMatch> Hosts, FrozenDictionary<Guid, TenantEntry> Tenants)
    {
        public static readonly Map Empty = new(FrozenDictionary<string, HostMatch>.Empty, FrozenDictionary<Guid, TenantEntry>.Empty);

        public static Map Build(Dictionary<Guid, TenantEntry> tenants, TenantRegistry registry)
        {
            var hosts = new Dictionary<string, HostMatch>(StringComparer.Ordinal);
            static HostMatch For(TenantSnapshot tenant, string host) => host == tenant.PrimaryHost
                ? new HostMatch(HostMatchKind.Tenant, tenant, null)
                : new HostMatch(HostMatchKind.Redirect, tenant, tenant.PrimaryHost);

            // Platform subdomains first, and no town's domain may replace a host that is already
            // taken or lies under the platform domain: a town can never take over another town's
            // subdomain or the platform site, whatever order the towns come in.
            foreach (var tenant in tenants.Values.Select(e => e.Snapshot))
            {
                var subdomain = registry.PlatformSubdomain(tenant.Slug);
                hosts[subdomain] = For(tenant, subdomain);
            }
            foreach (var entry in tenants.Values)
            {
                foreach (var domain in entry.Domains.Where(d => d.Verified && !registry.IsPlatformHost(d.Host)))
                {
                    hosts.TryAdd(domain.Host, For(entry.Snapshot, domain.Host));
                }
            }
            return new Map(hosts.ToFrozenDictionary(StringComparer.Ordinal), tenants.ToFrozenDictionary());
        }
    }
}

/// <summary>A town as the registry holds it: its snapshot and its extra domains.</summary>
internal sealed record TenantEntry(TenantSnapshot Snapshot, IReadOnlyList<DomainEntry> Domains);

internal sealed record DomainEntry(string Host, string Kind, bool Verified);

internal enum HostMatchKind
{
    NotFound,
    Platform,
    Tenant,
    Redirect,
}

/// <summary>The outcome of resolving a host; instances are prebuilt, so resolving allocates nothing.</summary>
internal sealed record HostMatch(HostMatchKind Kind, TenantSnapshot? Tenant, string? RedirectHost)
{
    public static readonly HostMatch NotFound = new(HostMatchKind.NotFound, null, null);
    public static readonly HostMatch Platform = new(HostMatchKind.Platform, null, null);
}
