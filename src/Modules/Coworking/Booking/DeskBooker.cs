using Microsoft.EntityFrameworkCore;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Booking;

/// <summary>
/// Books and cancels desks and rooms for a signed-in resident. The checks here give clear messages;
/// the guarantee against double bookings is the database's (exclusion constraint on PostgreSQL,
/// trigger under the single writer on SQLite): a race both requests won here still ends in one booking.
/// </summary>
internal sealed class DeskBooker(CoworkingDbContext db, TownTime time)
{
    /// <summary>How far ahead residents may book.</summary>
    public const int HorizonDays = 90;

    public async Task<BookingOutcome> BookAsync(BookingInput input, Resident resident, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var workplace = input.WorkplaceId is { } id
            ? await db.Workplaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id && w.Active, cancellationToken)
            : null;
        if (workplace is null)
        {
            errors["Workplace"] = "coworking.error.workplace";
            return new(errors, null);
        }
        var space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == workplace.SpaceId, cancellationToken);
        if (input.DayValue is not { } day)
        {
            errors["Day"] = "coworking.error.day";
            return new(errors, null);
        }
        if (!input.Rules)
        {
            errors["Rules"] = "coworking.error.rules";
        }
        var hours = await db.Hours.AsNoTracking().SingleOrDefaultAsync(h => h.SpaceId == space.Id && h.Weekday == (int)day.DayOfWeek, cancellationToken);
        var span = input.Span ?? "";
        (int From, int To)? range = null;
        if (!Spans.All.Contains(span))
        {
            errors["Span"] = "coworking.error.span";
        }
        else if (hours is null)
        {
            errors["Day"] = "coworking.error.closed";
        }
        else
        {
            range = Spans.Range(span, hours.OpensMinute, hours.ClosesMinute, BookingInput.Minute(input.From), BookingInput.Minute(input.To));
            if (range is not { } r)
            {
                errors[span == Spans.Hours ? "From" : "Span"] = span == Spans.Hours ? "coworking.error.time" : "coworking.error.halfDay";
            }
            else if (r.From >= r.To || r.From % Spans.Grid != 0 || r.To % Spans.Grid != 0)
            {
                errors["From"] = "coworking.error.time";
            }
            else if (r.From < hours.OpensMinute || r.To > hours.ClosesMinute)
            {
                errors["From"] = "coworking.error.outsideHours";
            }
        }
        if (range is { } valid && !errors.ContainsKey("From"))
        {
            var start = time.UtcOf(day, valid.From);
            if (start <= time.UtcNow)
            {
                errors["Day"] = "coworking.error.past";
            }
            else if (day > time.Today.AddDays(HorizonDays))
            {
                errors["Day"] = "coworking.error.horizon";
            }
        }
        if (input.Payment is not (DeskBooking.OnSite or DeskBooking.Invoice or DeskBooking.Pass))
        {
            errors["Payment"] = "coworking.error.payment";
        }
        DeskPass? pass = null;
        if (input.Payment == DeskBooking.Pass)
        {
            var passes = await db.Passes.AsNoTracking().Where(p => p.SpaceId == space.Id && p.AccountId == resident.AccountId)
                .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
            pass = passes.FirstOrDefault(p => p.DaysUsed < p.Days);
            if (pass is null)
            {
                errors["Payment"] = passes.Count == 0 ? "coworking.error.noPass" : "coworking.error.passUsedUp";
            }
        }
        if (errors.Count > 0 || range is not { } booked)
        {
            return new(errors, null);
        }
        var startUtc = time.UtcOf(day, booked.From);
        var endUtc = time.UtcOf(day, booked.To);
        if (await db.Bookings.AnyAsync(b => b.WorkplaceId == workplace.Id && b.CancelledAt == null && b.StartUtc < endUtc && startUtc < b.EndUtc, cancellationToken))
        {
            return new(new() { ["Workplace"] = "coworking.error.taken" }, null);
        }
        var booking = new DeskBooking
        {
            SpaceId = space.Id,
            WorkplaceId = workplace.Id,
            AccountId = resident.AccountId,
            Name = resident.Name,
            Email = resident.Email,
            StartUtc = startUtc,
            EndUtc = endUtc,
            Span = span,
            Payment = input.Payment!,
            PriceCents = pass is null ? Price(workplace, span, booked.To - booked.From) : 0,
            PassId = pass?.Id,
            CreatedAt = time.UtcNow,
        };
        return await StoreAsync(booking, cancellationToken)
            ? new(errors, new BookedDesk(booking, workplace, space))
            : new(new() { [pass is null ? "Workplace" : "Payment"] = pass is null ? "coworking.error.taken" : "coworking.error.passUsedUp" }, null);
    }

    /// <summary>The town's fee for a span: whole day, half day, or per started hour.</summary>
    public static int Price(Workplace workplace, string span, int minutes) => span switch
    {
        Spans.Day => workplace.DayCents,
        Spans.Morning or Spans.Afternoon => workplace.HalfDayCents,
        _ => (int)Math.Ceiling(workplace.HourCents * minutes / 60.0),
    };

    /// <summary>
    /// Takes the pass day and inserts the booking in one transaction (BEGIN IMMEDIATE on SQLite, so
    /// the write lock is held from the first statement). False when the database refused: the range
    /// was taken meanwhile, or the pass's last day went to a parallel booking; nothing is stored then.
    /// </summary>
    private async Task<bool> StoreAsync(DeskBooking booking, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (booking.PassId is { } passId
            && await db.Passes.Where(p => p.Id == passId && p.DaysUsed < p.Days)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DaysUsed, p => p.DaysUsed + 1), cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        db.Bookings.Add(booking);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (OverlapViolation.Is(ex))
        {
            db.Entry(booking).State = EntityState.Detached;
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Cancels the resident's own booking before the town's deadline; a pass gets its day back.</summary>
    public async Task<CancelOutcome> CancelAsync(Guid bookingId, Resident resident, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.AccountId == resident.AccountId, cancellationToken);
        if (booking is null)
        {
            return CancelOutcome.NotFound;
        }
        if (booking.CancelledAt is not null)
        {
            return CancelOutcome.Cancelled;
        }
        var space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == booking.SpaceId, cancellationToken);
        if (DateTime.SpecifyKind(booking.StartUtc, DateTimeKind.Utc).AddHours(-space.CancelHours) < time.UtcNow)
        {
            return CancelOutcome.TooLate;
        }
        await CancelAsync(booking, cancellationToken);
        return CancelOutcome.Cancelled;
    }

    /// <summary>Marks the booking cancelled (its range is free at once) and gives a pass day back, in one transaction.</summary>
    public async Task CancelAsync(DeskBooking booking, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Bookings.Where(b => b.Id == booking.Id && b.CancelledAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelledAt, time.UtcNow), cancellationToken);
        if (changed == 1 && booking.PassId is { } passId)
        {
            await db.Passes.Where(p => p.Id == passId && p.DaysUsed > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DaysUsed, p => p.DaysUsed - 1), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}

internal sealed record Resident(Guid AccountId, string Email, string Name);

internal sealed record BookedDesk(DeskBooking Booking, Workplace Workplace, Space Space);

internal sealed record BookingOutcome(Dictionary<string, string> Errors, BookedDesk? Booked);

internal enum CancelOutcome
{
    Cancelled,
    NotFound,
    TooLate,
}
