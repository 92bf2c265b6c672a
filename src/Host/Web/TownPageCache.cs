using System.Collections.Concurrent;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Web;

/// <summary>
/// Ready answers per town and town version, in this node's memory. A page is only found for the
/// version of the town the request resolved, so a change is visible on the very next request even
/// before the change message arrives; the first page stored for a newer version drops all of the
/// older one's. Bounded by a size limit: when full, pages are not stored until expired
/// ones are swept. What may be cached is decided by <see cref="TownPageCachePolicy"/>.
/// </summary>
internal sealed class TownPageCache(TimeProvider clock, long sizeLimit = TownPageCache.DefaultSizeLimit)
{
    /// <summary>The same bound the framework's output cache had by default.</summary>
    public const long DefaultSizeLimit = 100L * 1024 * 1024;

    private static readonly TimeSpan FullSweepInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, TownPages> _towns = new();
    private long _size;
    private long _lastSweep = clock.GetTimestamp();

    /// <summary>Bytes held, roughly (see <see cref="CachedPage.Size"/>).</summary>
    public long Size => Interlocked.Read(ref _size);

    /// <summary>The page stored under <paramref name="key"/> for this version of the town, if it has not expired.</summary>
    public CachedPage? Find(TenantSnapshot tenant, ReadOnlySpan<char> key)
    {
        if (!_towns.TryGetValue(tenant.Id, out var town) || town.Version != tenant.Version
            || !town.ByKey.TryGetValue(key, out var storedKey, out var page))
        {
            return null;
        }
        if (clock.GetElapsedTime(page.StoredAt) < TownPageCachePolicy.Lifetime
            && (page.StaleAtUtc is not { } staleAt || clock.GetUtcNow().UtcDateTime < staleAt))
        {
            return page;
        }
        Remove(town, storedKey, page);
        return null;
    }

    /// <summary>Keeps <paramref name="page"/> unless a newer version of the town is already cached or the cache is full.</summary>
    public bool Store(TenantSnapshot tenant, string key, CachedPage page)
    {
        SweepWhenDue(Size + page.Size > sizeLimit ? FullSweepInterval : TownPageCachePolicy.Lifetime);
        if (Size + page.Size > sizeLimit)
        {
            return false;
        }
        var town = TownFor(tenant);
        if (town is null)
        {
            return false; // rendered from a town version that has since been replaced
        }
        Interlocked.Add(ref _size, page.Size);
        while (!town.Pages.TryAdd(key, page))
        {
            // Replacing (an expired page, or one a concurrent miss stored): exactly one of this and a
            // concurrent Remove succeeds for the old page, and that one gives its size back.
            if (town.Pages.TryGetValue(key, out var replaced) && town.Pages.TryUpdate(key, page, replaced))
            {
                Interlocked.Add(ref _size, -replaced.Size);
                break;
            }
        }
        // Dropped while we stored: whoever removes the page from the town first gives its size back.
        if (town.IsDropped)
        {
            Remove(town, key, page);
            return false;
        }
        return true;
    }

    /// <summary>Forgets every page of a town (the town changed or is gone).</summary>
    public void Evict(Guid tenantId)
    {
        if (_towns.TryRemove(tenantId, out var town))
        {
            Drop(town);
        }
    }

    private TownPages? TownFor(TenantSnapshot tenant)
    {
        while (true)
        {
            if (!_towns.TryGetValue(tenant.Id, out var town))
            {
                var created = new TownPages(tenant.Version);
                if (_towns.TryAdd(tenant.Id, created))
                {
                    return created;
                }
                continue;
            }
            if (town.Version == tenant.Version)
            {
                return town;
            }
            if (town.Version > tenant.Version)
            {
                return null;
            }
            var newer = new TownPages(tenant.Version);
            if (_towns.TryUpdate(tenant.Id, newer, town))
            {
                Drop(town);
                return newer;
            }
        }
    }

    private void Drop(TownPages town)
    {
        town.IsDropped = true;
        foreach (var (key, page) in town.Pages)
        {
            Remove(town, key, page);
        }
    }

    private void Remove(TownPages town, string key, CachedPage page)
    {
        if (town.Pages.TryRemove(KeyValuePair.Create(key, page)))
        {
            Interlocked.Add(ref _size, -page.Size);
        }
    }

    /// <summary>
    /// Expired pages are removed when found, and by this sweep for pages nobody asks for again: on a
    /// store at most once per lifetime, or once a second while the cache is full.
    /// </summary>
    private void SweepWhenDue(TimeSpan interval)
    {
        var last = Interlocked.Read(ref _lastSweep);
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(last, now) < interval || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }
        foreach (var (id, town) in _towns)
        {
            foreach (var (key, page) in town.Pages)
            {
                if (clock.GetElapsedTime(page.StoredAt, now) >= TownPageCachePolicy.Lifetime)
                {
                    Remove(town, key, page);
                }
            }
            if (town.Pages.IsEmpty && _towns.TryRemove(KeyValuePair.Create(id, town)))
            {
                Drop(town); // a page stored meanwhile is given back by Store
            }
        }
    }

    private sealed class TownPages
    {
        public TownPages(long version)
        {
            Version = version;
            ByKey = Pages.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public long Version { get; }
        public ConcurrentDictionary<string, CachedPage> Pages { get; } = new(StringComparer.Ordinal);

        /// <summary>Finds a page by a key built on the stack, without making a string of it.</summary>
        public ConcurrentDictionary<string, CachedPage>.AlternateLookup<ReadOnlySpan<char>> ByKey { get; }

        public volatile bool IsDropped;
    }
}
