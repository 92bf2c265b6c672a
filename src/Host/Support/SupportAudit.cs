using Saas.Kernel.Audit;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Support;

/// <summary>
/// Writes what support does to a town into that town's own audit log, where its TenantAdmins read
/// it. The console runs on the platform host (no town), so each entry is written inside the town's
/// context in a scope of its own: the audit context, its connection and row-level security all see
/// that town and no other. The actor is the signed-in engineer (kind <c>support</c>).
/// </summary>
internal sealed class SupportAudit(IServiceScopeFactory scopes)
{
    public async Task RecordAsync(TenantSnapshot town, string action, string? target, string reason, CancellationToken cancellationToken)
    {
        using (AmbientTenant.Begin(town))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .RecordAsync(action, target, $"Grund: {reason}", cancellationToken);
        }
    }
}
