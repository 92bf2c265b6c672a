using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Booking;

namespace Saas.Modules.Appointments.Jobs;

/// <summary>
/// Every five minutes, per town: unconfirmed holds past their 15 minutes give their cells back. Only tidying:
/// the slot search already counts expired holds as free and a booking releases them first, so residents never
/// wait for this run; it runs once per town, so every minute would mean thousands of jobs a minute.
/// </summary>
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
