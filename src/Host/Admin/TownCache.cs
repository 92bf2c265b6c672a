using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>
/// After a content change outside the registry (pages, opening hours, media): bumps the town's
/// version, so every node drops the town's cached pages (the output cache is keyed by version and
/// evicted by tag) and residents see the change on their next request.
/// </summary>
internal sealed class TownCache(TenantAdministration administration, ITenantContext tenant)
{
    public Task EvictAsync(CancellationToken cancellationToken) =>
        administration.TouchAsync(tenant.TenantId ?? throw new InvalidOperationException("No town."), cancellationToken);
}
