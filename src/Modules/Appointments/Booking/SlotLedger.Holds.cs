using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Booking;

/// <summary>
/// Holds, confirmations, reschedules and reminders, in the ledger's one design: every change of state
/// is a conditional UPDATE whose affected-row count says whether this caller made it. Two callers
/// racing for the same change (confirm against expiry, two reminder runs, two reschedules) meet at the
/// row lock; the second re-reads the condition on the committed row and changes nothing.
/// </summary>
internal sealed partial class SlotLedger
{
    /// <summary>At most this many expired holds are released per call; the next run takes the rest.</summary>
    public const int ReleaseBatch = 500;

    /// <summary>
    /// Books like <see cref="TryBookAsync(Data.Booking, IReadOnlyList{DateTime}, int, CancellationToken)"/>, with the
    /// submission key and the per-address cap checked in the same transaction, before any cell is taken.
    /// </summary>
    public async Task<LedgerResult> TryBookAsync(
        Data.Booking booking, IReadOnlyList<DateTime> cells, int capacity, BookingGuards guards, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Booking outside a town.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (guards.SubmissionKeyHash is { } key)
        {
            // A second submit of the same form waits here for the first one's transaction, then inserts nothing.
            var fresh = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO appointments_submissions (tenant_id, key_hash, booking_id, created_at) VALUES ({town}, {key}, {booking.Id}, {nowUtc}) ON CONFLICT DO NOTHING",
                cancellationToken);
            if (fresh != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new LedgerResult(BookingResult.Duplicate, await SubmittedBookingAsync(key, cancellationToken));
            }
        }
        if (guards.Cap is { } cap)
        {
            var address = BookingGuards.AddressHash(booking.Email);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO appointments_email_guards (tenant_id, email_hash, touched_at) VALUES ({town}, {address}, {nowUtc}) ON CONFLICT DO NOTHING",
                cancellationToken);
            // The row lock serializes bookings for one address; the count below then sees every committed one.
            await db.Database.ExecuteSqlAsync(
                $"UPDATE appointments_email_guards SET touched_at = {nowUtc} WHERE tenant_id = {town} AND email_hash = {address}",
                cancellationToken);
            if (await ActiveForAddressAsync(booking.LocationId, booking.Email, nowUtc, cancellationToken) >= cap)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new LedgerResult(BookingResult.CapReached);
            }
        }
        foreach (var cell in cells.Order())
        {
            if (!await TakeAsync(town, booking.LocationId, cell, capacity, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return new LedgerResult(BookingResult.Full);
            }
        }
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LedgerResult(BookingResult.Booked);
    }

    /// <summary>Confirms a hold that has not expired; false when it was confirmed, cancelled or released before, or is past its time.</summary>
    public async Task<bool> ConfirmAsync(Guid bookingId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Confirming outside a town.");
        return await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_bookings SET confirmed_at = {nowUtc} WHERE tenant_id = {town} AND id = {bookingId} AND confirmed_at IS NULL AND cancelled_at IS NULL AND hold_expires_at > {nowUtc}",
            cancellationToken) == 1;
    }

    /// <summary>Frees an unconfirmed hold past its time, exactly once: the UPDATE that marks it released is the one that gives the cells back.</summary>
    public async Task<bool> ReleaseAsync(Data.Booking hold, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Releasing outside a town.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_bookings SET cancelled_at = {nowUtc}, released_at = {nowUtc} WHERE tenant_id = {town} AND id = {hold.Id} AND confirmed_at IS NULL AND cancelled_at IS NULL AND hold_expires_at <= {nowUtc}",
            cancellationToken);
        if (released != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_slot_counts SET booked = booked - 1 WHERE tenant_id = {town} AND location_id = {hold.LocationId} AND start_utc >= {Utc(hold.Start)} AND start_utc < {Utc(hold.End)}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Releases the town's expired holds (of one location, or all); returns how many this call freed.</summary>
    public async Task<int> ReleaseExpiredAsync(Guid? locationId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var holds = await db.Bookings.AsNoTracking()
            .Where(b => b.ConfirmedAt == null && b.CancelledAt == null && b.HoldExpiresAt != null && b.HoldExpiresAt <= nowUtc)
            .Where(b => locationId == null || b.LocationId == locationId)
            .OrderBy(b => b.HoldExpiresAt).Take(ReleaseBatch)
            .ToListAsync(cancellationToken);
        var freed = 0;
        foreach (var hold in holds)
        {
            freed += await ReleaseAsync(hold, nowUtc, cancellationToken) ? 1 : 0;
        }
        return freed;
    }

    /// <summary>
    /// Moves a confirmed booking to new cells in one transaction: the new cells are taken and the old
    /// ones freed cell by cell in ascending order (a cell in both is left alone), so two moves never
    /// deadlock; a full new cell rolls everything back and the booking stays as it was.
    /// </summary>
    public async Task<BookingResult> MoveAsync(
        Data.Booking booking, DateTime newStartUtc, DateTime newEndUtc, IReadOnlyList<DateTime> newCells, int capacity, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Moving outside a town.");
        var (oldStart, oldEnd) = (Utc(booking.Start), Utc(booking.End));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The old start in the condition: of two moves (or a move and a cancel) of one booking only the first counts.
        var moved = await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_bookings SET start_utc = {newStartUtc}, end_utc = {newEndUtc}, reminder_sent_at = NULL WHERE tenant_id = {town} AND id = {booking.Id} AND cancelled_at IS NULL AND start_utc = {oldStart} AND (confirmed_at IS NOT NULL OR hold_expires_at IS NULL)",
            cancellationToken);
        if (moved != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return BookingResult.Gone;
        }
        var oldCells = (await db.SlotCounts.AsNoTracking()
                .Where(s => s.LocationId == booking.LocationId && s.Start >= oldStart && s.Start < oldEnd)
                .Select(s => s.Start).ToListAsync(cancellationToken))
            .Select(Utc).ToHashSet();
        var newSet = newCells.Select(Utc).ToHashSet();
        foreach (var cell in oldCells.Union(newSet).Order())
        {
            var (free, take) = (oldCells.Contains(cell), newSet.Contains(cell));
            if (free && !take)
            {
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE appointments_slot_counts SET booked = booked - 1 WHERE tenant_id = {town} AND location_id = {booking.LocationId} AND start_utc = {cell}",
                    cancellationToken);
            }
            else if (take && !free && !await TakeAsync(town, booking.LocationId, cell, capacity, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return BookingResult.Full;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return BookingResult.Booked;
    }

    /// <summary>Claims the right to send a booking's reminder; exactly one of any number of concurrent callers gets true.</summary>
    public async Task<bool> ClaimReminderAsync(Data.Booking booking, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Reminding outside a town.");
        return await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_bookings SET reminder_sent_at = {nowUtc} WHERE tenant_id = {town} AND id = {booking.Id} AND reminder_sent_at IS NULL AND cancelled_at IS NULL AND start_utc = {Utc(booking.Start)}",
            cancellationToken) == 1;
    }

    /// <summary>Gives a claim back when the mail could not be sent, so the next run tries again.</summary>
    public async Task UnclaimReminderAsync(Guid bookingId, DateTime claimedAtUtc, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Reminding outside a town.");
        await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_bookings SET reminder_sent_at = NULL WHERE tenant_id = {town} AND id = {bookingId} AND reminder_sent_at = {claimedAtUtc}",
            cancellationToken);
    }

    private async Task<bool> TakeAsync(Guid town, Guid location, DateTime cell, int capacity, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO appointments_slot_counts (tenant_id, location_id, start_utc, capacity, booked) VALUES ({town}, {location}, {cell}, {capacity}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.Database.ExecuteSqlAsync(
            $"UPDATE appointments_slot_counts SET booked = booked + 1 WHERE tenant_id = {town} AND location_id = {location} AND start_utc = {cell} AND booked < capacity",
            cancellationToken) == 1;
    }

    /// <summary>Bookings of one address at a location that still count: not cancelled, not over, not an expired hold.</summary>
#pragma warning disable CA1862 // string.Equals with a comparison does not translate to SQL; LOWER does on both providers
    private Task<int> ActiveForAddressAsync(Guid locationId, string email, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        return db.Bookings.AsNoTracking().CountAsync(
            b => b.LocationId == locationId && b.CancelledAt == null && b.End > nowUtc && b.Email.ToLower() == lower
                 && !(b.ConfirmedAt == null && b.HoldExpiresAt != null && b.HoldExpiresAt <= nowUtc),
            cancellationToken);
    }
#pragma warning restore CA1862

    private async Task<Guid?> SubmittedBookingAsync(string keyHash, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Booking outside a town.");
        var ids = await db.Database.SqlQuery<Guid>($"SELECT booking_id AS \"Value\" FROM appointments_submissions WHERE tenant_id = {town} AND key_hash = {keyHash}")
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>SQLite hands timestamps back without a kind; the ledger's parameters are always UTC.</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>What the ledger decided, and for a repeated submission the booking the first one made.</summary>
internal sealed record LedgerResult(BookingResult Result, Guid? ExistingBookingId = null);
