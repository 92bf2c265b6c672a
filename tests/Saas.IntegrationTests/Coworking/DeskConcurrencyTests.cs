using Microsoft.EntityFrameworkCore;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.IntegrationTests.Coworking;

/// <summary>The promise on PostgreSQL: a desk is never booked twice for overlapping times, whatever the concurrency.</summary>
[Collection(CoworkingCollection.Name)]
public sealed class DeskConcurrencyTests(CoworkingFixture town)
{
    [Fact]
    public async Task Given_100_concurrent_overlapping_requests_for_one_desk_Then_exactly_one_booking_stands_and_the_others_get_a_clear_message()
    {
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownA, "Tisch 1");

        var results = await CoworkingTowns.RaceAsync(town.Factory, town.TownA, desk, "2026-12-09");

        Assert.Single(results, r => r.Booked is not null);
        Assert.All(results.Where(r => r.Booked is null), r => Assert.Equal("coworking.error.taken", r.Errors["Workplace"]));
        Assert.Equal(1L, await town.OwnerScalarAsync<long>(
            $"SELECT count(*) FROM coworking_bookings WHERE tenant_id = @t AND workplace_id = '{desk}' AND cancelled_at IS NULL AND start_utc::date = '2026-12-09'", town.TownA));
    }

    [Fact]
    public async Task Given_touching_ranges_10_to_12_and_12_to_14_Then_both_are_booked_and_a_range_across_them_is_refused()
    {
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownA, "Tisch 2");
        var resident = new Resident(Guid.NewGuid(), "touch@example.org", "Touch");

        var first = await CoworkingTowns.BookAsync(town.Factory, town.TownA, desk, "2026-12-10", "10:00", "12:00", resident);
        var second = await CoworkingTowns.BookAsync(town.Factory, town.TownA, desk, "2026-12-10", "12:00", "14:00", resident);
        var across = await CoworkingTowns.BookAsync(town.Factory, town.TownA, desk, "2026-12-10", "11:30", "12:30", resident);

        Assert.NotNull(first.Booked);
        Assert.NotNull(second.Booked);
        Assert.Null(across.Booked);
        Assert.Equal("coworking.error.taken", across.Errors["Workplace"]);
    }

    [Fact]
    public async Task Given_the_application_check_skipped_When_an_overlapping_row_is_written_directly_Then_the_database_refuses_it_but_takes_a_cancelled_one()
    {
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownA, "Raum");
        var booked = await CoworkingTowns.BookAsync(town.Factory, town.TownA, desk, "2026-12-15", "09:00", "11:00", new Resident(Guid.NewGuid(), "raw@example.org", "Raw"));
        Assert.NotNull(booked.Booked);
        const string copy = """
            INSERT INTO coworking_bookings (tenant_id, id, space_id, workplace_id, account_id, name, email, start_utc, end_utc, span, payment, price_cents, created_at, cancelled_at)
            SELECT tenant_id, gen_random_uuid(), space_id, workplace_id, account_id, name, email, start_utc + interval '1 hour', end_utc + interval '1 hour', span, payment, price_cents, created_at, {0}
            FROM coworking_bookings WHERE id = @id
            """;
        await using var connection = new NpgsqlConnection(town.Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();

        await using var overlapping = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, copy, "NULL"), connection);
        overlapping.Parameters.AddWithValue("id", booked.Booked!.Booking.Id);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => overlapping.ExecuteNonQueryAsync());
        await using var cancelled = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, copy, "now()"), connection);
        cancelled.Parameters.AddWithValue("id", booked.Booked.Booking.Id);

        Assert.Equal(PostgresErrorCodes.ExclusionViolation, refused.SqlState);
        Assert.Equal("coworking_bookings_no_overlap", refused.ConstraintName);
        Assert.Equal(1, await cancelled.ExecuteNonQueryAsync());
    }
}
