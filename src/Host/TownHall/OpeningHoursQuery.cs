using Microsoft.EntityFrameworkCore;

namespace Saas.Host.TownHall;

internal static class OpeningHoursQuery
{
    public static async Task<IReadOnlyList<OpeningHours>> LoadAsync(TownHallDbContext db, CancellationToken cancellationToken) =>
        await db.OpeningHours.AsNoTracking().OrderBy(h => h.Position).ToListAsync(cancellationToken);
}
