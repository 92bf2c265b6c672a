using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Booking;

/// <summary>
/// Claims and frees seats in the slot ledger. The database decides, never a read in code: each grid
/// cell is a row (created on first use with <c>ON CONFLICT DO NOTHING</c>) whose <c>booked</c> only
/// rises through <c>UPDATE ... WHERE booked &lt; capacity</c>. On PostgreSQL a second writer waits
/// for the row lock and re-checks the condition on the committed row; on SQLite the transaction
/// holds the database's single write lock (BEGIN IMMEDIATE). A CHECK constraint refuses any
/// over-capacity row on both.
/// </summary>
internal sealed partial class SlotLedger(AppointmentsDbContext db, ITenantContext tenant)
{
    /// <summary>Takes one seat in every cell and stores the booking, all or nothing; false when a cell is full.</summary>
    public async Task<bool> TryBookAsync(Data.Booking booking, IReadOnlyList<DateTime> cells, int capacity, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Booking outside a town.");
        var location = booking.LocationId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Ascending order: two bookings over overlapping cells lock them in the same order, so they never deadlock.
        foreach (var cell in cells.Order())
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO appointments_slot_counts (tenant_id, location_id, start_utc, capacity, booked) VALUES ({town}, {location}, {cell}, {capacity}, 0) ON CONFLICT DO NOTHING",
                cancellationToken);
            var claimed = await db.Database.ExecuteSqlAsync(
                $"UPDATE appointments_slot_counts SET booked = booked + 1 WHERE tenant_id = {town} AND location_id = {location} AND start_utc = {cell} AND booked < capacity",
                cancellationToken);
            if (claimed != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Marks the booking cancelled and gives its seats back, once: a second cancel changes nothing.
    /// The start in the condition makes a cancel that raced a reschedule (which moved the cells) change nothing.
    /// </summary>
    public async Task<bool> CancelAsync(Data.Booking booking, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Cancelling outside a town.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_bookings SET cancelled_at = {nowUtc} WHERE tenant_id = {town} AND id = {booking.Id} AND cancelled_at IS NULL AND start_utc = {Utc(booking.Start)}",
            cancellationToken);
        if (cancelled != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        // The booking's cells are exactly the ledger rows starting within [start, end).
        await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_slot_counts SET booked = booked - 1 WHERE tenant_id = {town} AND location_id = {booking.LocationId} AND start_utc >= {Utc(booking.Start)} AND start_utc < {Utc(booking.End)}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
