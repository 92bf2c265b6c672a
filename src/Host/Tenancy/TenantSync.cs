using Microsoft.Extensions.Options;

namespace Saas.Host.Tenancy;

/// <summary>
/// Keeps this node's registry in step with the others: reacts to change messages at once, and
/// every few seconds compares all versions with the database, so a lost message heals itself.
/// </summary>
internal sealed class TenantSync(
    ITenantChangeBus bus,
    TenantRegistry registry,
    RegistryStore store,
    RegistryRefresher refresher,
    IOptions<PlatformOptions> options,
    ILogger<TenantSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bus.SubscribeAsync(async (tenantId, version) =>
        {
            if (registry.Find(tenantId)?.Version >= version)
            {
                return; // our own change, or an older message arriving late
            }
            await RefreshSafelyAsync(tenantId, stoppingToken);
        });
        using var timer = new PeriodicTimer(options.Value.VersionSweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SweepAsync(stoppingToken);
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var versions = await store.LoadVersionsAsync(cancellationToken);
            foreach (var (id, version) in versions)
            {
                if (registry.Find(id)?.Version != version)
                {
                    await refresher.RefreshAsync(id, cancellationToken);
                }
            }
            foreach (var gone in registry.Tenants.Where(t => !versions.ContainsKey(t.Id)).Select(t => t.Id).ToList())
            {
                await refresher.RefreshAsync(gone, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Tenant version sweep failed; retrying at the next tick");
        }
    }

    private async Task RefreshSafelyAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        try
        {
            await refresher.RefreshAsync(tenantId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Refreshing tenant {TenantId} failed; the sweep will retry", tenantId);
        }
    }
}
