using Microsoft.AspNetCore.OutputCaching;
using Saas.Host.Tenancy;

namespace Saas.Host.Web;

internal static class TownPageCacheRegistration
{
    /// <summary>The town page cache, and the eviction by town tag that a town change calls.</summary>
    public static IServiceCollection AddTownPageCache(this IServiceCollection services) =>
        services.AddSingleton<TownPageCache>().AddSingleton<IOutputCacheStore, TownPageEviction>();
}

/// <summary>
/// Lets <see cref="RegistryRefresher"/> evict a changed town's pages by its output-cache tag
/// (<see cref="CacheTags.Tenant"/>). Correctness does not depend on it (pages are found only for
/// the town's current version); it gives the old version's memory back at once. The cache stores
/// nothing through this interface.
/// </summary>
internal sealed class TownPageEviction(TownPageCache cache) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (Guid.TryParseExact(tag.AsSpan(tag.LastIndexOf(':') + 1), "N", out var tenantId) && tag == CacheTags.Tenant(tenantId))
        {
            cache.Evict(tenantId);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
