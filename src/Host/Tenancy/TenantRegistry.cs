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
    private volatile Map _map = Map.Empty;

    /// <summary>Every known town (any state).</summary>
    public IReadOnlyList<TenantSnapshot> Tenants => _map.Tenants.Values.Select(e => e.Snapshot).ToList();

    public TenantSnapshot? Find(Guid id) => _map.Tenants.GetValueOrDefault(id)?.Snapshot;

    public TenantSnapshot? FindBySlug(string slug) => _map.Tenants.Values.FirstOrDefault(t => t.Snapshot.Slug == slug)?.Snapshot;

    public string PlatformSubdomain(string slug) => $"{slug}.{_platformDomain}";

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
        return host == _platformDomain || host == "www." + _platformDomain ? HostMatch.Platform : HostMatch.NotFound;
    }

    public void ReplaceAll(IEnumerable<TenantEntry> entries) =>
        _map = Map.Build(entries.ToDictionary(e => e.Snapshot.Id), this);

    public void Upsert(TenantEntry entry)
    {
        lock (this)
        {
            var current = _map.Tenants.ToDictionary();
            current[entry.Snapshot.Id] = entry;
            _map = Map.Build(current, this);
        }
    }

    public void Remove(Guid id)
    {
        lock (this)
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
            foreach (var entry in tenants.Values)
            {
                var tenant = entry.Snapshot;
                var primary = new HostMatch(HostMatchKind.Tenant, tenant, null);
                hosts[registry.PlatformSubdomain(tenant.Slug)] = tenant.PrimaryHost == registry.PlatformSubdomain(tenant.Slug)
                    ? primary
                    : new HostMatch(HostMatchKind.Redirect, tenant, tenant.PrimaryHost);
                foreach (var domain in entry.Domains.Where(d => d.Verified))
                {
                    hosts[domain.Host] = domain.Host == tenant.PrimaryHost
                        ? primary
                        : new HostMatch(HostMatchKind.Redirect, tenant, tenant.PrimaryHost);
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
