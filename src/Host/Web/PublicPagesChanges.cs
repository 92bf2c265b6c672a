using Microsoft.EntityFrameworkCore;
using Saas.Host.Tenancy;
using Saas.Kernel.Content;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Web;

/// <summary>
/// Content changes reuse the town's version: raising it evicts the town's cached pages here, moves
/// every later cache key to the new version, and tells the other nodes (the sweep heals a lost message).
/// </summary>
internal sealed class PublicPagesChanges(TenantAdministration administration, ITenantContext tenant, ILogger<PublicPagesChanges> logger) : IPublicPages
{
    private const int Attempts = 3;

    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Public pages changed outside a town.");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await administration.TouchAsync(tenantId, cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another change to the town won the race; its version bump evicted too, but ours must still count.
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // The content is saved; without the bump, residents see it when the cached pages expire (60 s at most).
                logger.LogWarning(ex, "Could not raise the version of town {TenantId} after a content change", tenantId);
                return;
            }
        }
    }
}
