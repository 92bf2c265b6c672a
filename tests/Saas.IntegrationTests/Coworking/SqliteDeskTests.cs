using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Coworking;

/// <summary>The embedded default keeps the same promise: the no-overlap trigger under SQLite's single writer.</summary>
public sealed class SqliteDeskTests
{
    [Fact]
    public async Task Given_the_embedded_sqlite_database_When_100_overlapping_requests_race_and_touching_ranges_are_booked_Then_one_wins_and_touching_ranges_both_stand()
    {
        var folder = Path.Combine(Path.GetTempPath(), "saas-tests", "coworking-" + Guid.NewGuid().ToString("N"));
        var factory = new PlatformFactory(new PlatformFactoryOptions { SqliteFolder = folder, Clock = new TestClock(CoworkingTowns.Now) });
        try
        {
            var town = await CoworkingTowns.CreateAsync(factory, "cowork-lite");
            var desk = await CoworkingTowns.WorkplaceAsync(factory, town, "Tisch 1");
            var other = await CoworkingTowns.WorkplaceAsync(factory, town, "Tisch 2");

            var results = await CoworkingTowns.RaceAsync(factory, town, desk, "2026-12-09");
            var resident = new Resident(Guid.NewGuid(), "lite@example.org", "Lite");
            var first = await CoworkingTowns.BookAsync(factory, town, other, "2026-12-09", "10:00", "12:00", resident);
            var second = await CoworkingTowns.BookAsync(factory, town, other, "2026-12-09", "12:00", "14:00", resident);
            var across = await CoworkingTowns.BookAsync(factory, town, other, "2026-12-09", "11:00", "13:00", resident);

            Assert.Single(results, r => r.Booked is not null);
            Assert.All(results.Where(r => r.Booked is null), r => Assert.Equal("coworking.error.taken", r.Errors["Workplace"]));
            Assert.NotNull(first.Booked);
            Assert.NotNull(second.Booked);
            Assert.Null(across.Booked);
            var live = await TestTowns.AsTownAsync(factory, town, async s =>
                await s.GetRequiredService<CoworkingDbContext>().Bookings.CountAsync(b => b.CancelledAt == null));
            Assert.Equal(3, live);

            // The trigger, not the application, holds the line: a raw overlapping insert is refused.
            var raw = await Assert.ThrowsAsync<SqliteException>(() => TestTowns.AsTownAsync(factory, town, s =>
                s.GetRequiredService<CoworkingDbContext>().Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO coworking_bookings (tenant_id, id, space_id, workplace_id, account_id, name, email, start_utc, end_utc, span, payment, price_cents, created_at)
                    SELECT tenant_id, 'raw-overlap', space_id, workplace_id, account_id, name, email, start_utc, end_utc, span, payment, price_cents, created_at
                    FROM coworking_bookings WHERE workplace_id = {0} AND cancelled_at IS NULL LIMIT 1
                    """, other.ToString().ToUpperInvariant())));
            Assert.Contains(OverlapViolation.Name, raw.Message, StringComparison.Ordinal);
        }
        finally
        {
            await factory.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
