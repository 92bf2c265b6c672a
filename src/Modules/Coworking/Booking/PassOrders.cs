using Microsoft.EntityFrameworkCore;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Booking;

/// <summary>
/// A resident orders a 10-day pass of a space, paid on site or by the town's invoice; it can be used at
/// once. One pass with days left per space at a time, so an accidental double order costs nothing.
/// </summary>
internal sealed class PassOrders(CoworkingDbContext db, TownTime time)
{
    public const int Days = 10;

    public async Task<Dictionary<string, string>> OrderAsync(Guid? spaceId, string? payment, Resident resident, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var space = spaceId is { } id ? await db.Spaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (space is null)
        {
            errors["PassSpace"] = "coworking.error.space";
            return errors;
        }
        if (payment is not (DeskBooking.OnSite or DeskBooking.Invoice))
        {
            errors["PassPayment"] = "coworking.error.payment";
            return errors;
        }
        if (await db.Passes.AnyAsync(p => p.SpaceId == space.Id && p.AccountId == resident.AccountId && p.DaysUsed < p.Days, cancellationToken))
        {
            errors["PassSpace"] = "coworking.error.passOpen";
            return errors;
        }
        db.Passes.Add(new DeskPass
        {
            SpaceId = space.Id, AccountId = resident.AccountId, Name = resident.Name, Email = resident.Email, Days = Days, PriceCents = space.PassCents, Payment = payment, CreatedAt = time.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public Task<List<DeskPass>> MineAsync(Resident resident, CancellationToken cancellationToken) =>
        db.Passes.AsNoTracking().Where(p => p.AccountId == resident.AccountId).OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
}
