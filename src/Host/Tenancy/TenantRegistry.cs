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

    /// <summary>A town with its own domains (verified or not), as this node holds it.</summary>
    public TenantEntry? FindEntry(Guid id) => _map.Tenants.GetValueOrDefault(id);

    public TenantSnapshot? FindBySlug(string slug) => _map.Tenants.Values.FirstOrDefault(t => t.Snapshot.Slug == slug)?.Snapshot;

    public string PlatformSubdomain(string slug) => $"{slug}.{_platformDomain}";

    /// <summary>The platform domain itself or any name below it: those are the platform's to hand out, never a town's own domain.</summary>
    internal bool IsPlatformHost(string host) =>
        host == _platformDomain || (host.EndsWith(_platformDomain, StringComparison.Ordinal) && host.Length > _platformDomain.Length
            && host[^(_platformDomain.Length + 1)] == '.');

    /// <summary>What a request for <paramref name="rawHost"/> is: a town, a redirect, the platform site, or nothing.</summary>
    /// <remarks>
    /// Hot path (every request): normalizes into a stack buffer and looks the span up, so any
    /// ASCII spelling (capitals, port, trailing dot) allocates nothing. A Unicode host is first
    /// looked up among the Unicode forms of the registered punycode domains, and only when that
    /// misses goes through full IDNA (which allocates, and is rare: browsers send punycode).
    /// </remarks>
    public HostMatch Resolve(string? rawHost)
    {
        if (string.IsNullOrEmpty(rawHost) || rawHost.Length > HostNormalizer.MaxRawLength)
        {
            return HostMatch.NotFound;
        }
        var map = _map;
        Span<char> buffer = stackalloc char[HostNormalizer.MaxRawLength];
        var length = HostNormalizer.NormalizeAscii(rawHost, buffer, out var unicodeLength);
        if (length == 0)
        {
            return HostMatch.NotFound;
        }
        if (length > 0)
        {
            return Classify(map, buffer[..length]);
        }
        if (map.UnicodeHosts.TryGetValue(buffer[..unicodeLength], out var unicodeMatch))
        {
            return Usable(unicodeMatch);
        }
        var host = HostNormalizer.Normalize(rawHost);
        return host is null ? HostMatch.NotFound : Classify(map, host);
    }

    private HostMatch Classify(Map map, ReadOnlySpan<char> host)
    {
        if (map.Hosts.TryGetValue(host, out var match))
        {
            return Usable(match);
        }
        return host.SequenceEqual(_platformDomain) || host.SequenceEqual(_wwwPlatformDomain) ? HostMatch.Platform : HostMatch.NotFound;
    }

    private static HostMatch Usable(HostMatch match) =>
        match.Tenant!.State is TenantState.Active or TenantState.Suspended ? match : HostMatch.NotFound;

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
            // A refresh from the sweep and one from a change message may race: an older snapshot
            // arriving last must not replace a newer one.
            if (_map.Tenants.TryGetValue(entry.Snapshot.Id, out var known) && known.Snapshot.Version > entry.Snapshot.Version)
            {
                return;
            }
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

    private sealed class Map
    {
        public static readonly Map Empty = new(FrozenDictionary<string, HostMatch>.Empty, FrozenDictionary<string, HostMatch>.Empty, FrozenDictionary<Guid, TenantEntry>.Empty);

        private Map(FrozenDictionary<string, HostMatch> hosts, FrozenDictionary<string, HostMatch> unicodeHosts, FrozenDictionary<Guid, TenantEntry> tenants)
        {
            Hosts = hosts.GetAlternateLookup<ReadOnlySpan<char>>();
            UnicodeHosts = unicodeHosts.GetAlternateLookup<ReadOnlySpan<char>>();
            Tenants = tenants;
        }

        /// <summary>Normalized (lower-case ASCII, punycode) host to match, looked up by span.</summary>
        public FrozenDictionary<string, HostMatch>.AlternateLookup<ReadOnlySpan<char>> Hosts { get; }

        /// <summary>
        /// The Unicode spelling of each punycode host (only where IDNA maps it back to exactly that
        /// host), so a Unicode Host header is answered without running IDNA on every request.
        /// </summary>
        public FrozenDictionary<string, HostMatch>.AlternateLookup<ReadOnlySpan<char>> UnicodeHosts { get; }

        public FrozenDictionary<Guid, TenantEntry> Tenants { get; }

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
            var unicode = new Dictionary<string, HostMatch>(StringComparer.Ordinal);
            foreach (var (host, match) in hosts)
            {
                if (host.Contains("xn--", StringComparison.Ordinal) && HostNormalizer.UnicodeForm(host) is { } form)
                {
                    unicode.TryAdd(form, match);
                }
            }
            return new Map(hosts.ToFrozenDictionary(StringComparer.Ordinal), unicode.ToFrozenDictionary(StringComparer.Ordinal), tenants.ToFrozenDictionary());
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
