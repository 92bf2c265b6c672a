using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Modules.Appointments.Data;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The embedded default keeps the same promise: SQLite's single writer plus the conditional UPDATE.</summary>
public sealed class SqliteBookingTests
{
    [Fact]
    public async Task Given_the_embedded_sqlite_database_When_forty_residents_book_a_slot_for_two_at_once_Then_exactly_two_get_it_and_a_cancel_frees_one()
    {
        var folder = Path.Combine(Path.GetTempPath(), "saas-tests", "appointments-" + Guid.NewGuid().ToString("N"));
        var factory = new PlatformFactory(new PlatformFactoryOptions { SqliteFolder = folder, Clock = new TestClock(AppointmentTowns.Now) });
        try
        {
            var town = await AppointmentTowns.CreateAsync(factory, "termin-lite");
            var client = factory.ClientFor("termin-lite.localhost");
            var services = await client.GetFromJsonAsync<JsonElement>("/api/v1/appointments/services");
            var service = services.EnumerateArray().First(s => s.GetProperty("durationMinutes").GetInt32() == 15).GetProperty("id").GetGuid();

            using var gate = new SemaphoreSlim(0);
            var requests = Enumerable.Range(0, 40).Select(async i =>
            {
                await gate.WaitAsync();
                using var response = await factory.ClientFor("termin-lite.localhost").PostAsJsonAsync("/api/v1/appointments/bookings",
                    AppointmentsFixture.Booking(service, "2026-12-09T10:00:00+01:00", $"Person {i}", $"p{i}@example.org"));
                return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
            }).ToList();
            gate.Release(40);
            var results = await Task.WhenAll(requests);

            Assert.Equal(2, results.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(38, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var (stored, booked) = await TestTowns.AsTownAsync(factory, town, async scope =>
            {
                var db = scope.GetRequiredService<AppointmentsDbContext>();
                return (db.Bookings.Count(b => b.CancelledAt == null), db.SlotCounts.Sum(s => s.Booked));
            });
            Assert.Equal((2, 2), (stored, booked));

            var first = results.First(r => r.StatusCode == HttpStatusCode.Created).Body;
            var cancel = await client.DeleteAsync(
                $"/api/v1/appointments/bookings/{first.GetProperty("id").GetGuid()}?token={first.GetProperty("manageToken").GetString()}");
            var again = await client.PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(service, "2026-12-09T10:00:00+01:00"));
            Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
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
