using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Booking;

namespace Saas.Modules.Appointments.Jobs;

/// <summary>Every minute, per town: unconfirmed holds past their 15 minutes give their cells back.</summary>
internal sealed class HoldReleaseJob(SlotLedger ledger, TimeProvider clock) : ITenantJob
{
    public const string Id = "appointments-release-holds";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Batches until nothing is left; each release is its own conditional UPDATE, so a concurrent run frees nothing twice.
        while (await ledger.ReleaseExpiredAsync(null, clock.GetUtcNow().UtcDateTime, cancellationToken) == SlotLedger.ReleaseBatch)
        {
        }
    }
}
