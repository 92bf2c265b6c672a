using Microsoft.AspNetCore.OutputCaching;

namespace Saas.Host.Tenancy;

/// <summary>
/// Brings this node's copy of a town up to date: reloads it from the database and drops the
/// town's cached pages. Called for local changes, for messages from other nodes, and by the sweep.
/// </summary>
internal sealed class RegistryRefresher(TenantRegistry registry, RegistryStore store, IOutputCacheStore outputCache, ILogger<RegistryRefresher> logger)
{
    public async Task RefreshAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var entry = await store.LoadAsync(tenantId, cancellationToken);
        if (entry is null)
        {
            registry.Remove(tenantId);
        }
        else
        {
            registry.Upsert(entry);
        }
        await outputCache.EvictByTagAsync(CacheTags.Tenant(tenantId), cancellationToken);
        logger.LogInformation("Tenant {TenantId} refreshed to version {Version}", tenantId, entry?.Snapshot.Version);
    }

    public async Task LoadAllAsync(CancellationToken cancellationToken) =>
        registry.ReplaceAll(await store.LoadAllAsync(cancellationToken));
}

/// <summary>Output-cache tags; one per town, so a change to a town drops exactly its pages.</summary>
internal static class CacheTags
{
    public static string Tenant(Guid tenantId) => $"tenant:{tenantId:N}";
}
