using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The promise: no slot is ever booked beyond its capacity, whatever the concurrency.</summary>
[Collection(AppointmentsCollection.Name)]
public sealed class BookingConcurrencyTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_slot_for_two_When_two_hundred_residents_book_it_at_once_Then_exactly_two_get_it_and_the_rest_a_clean_409()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        const string start = "2026-12-09T10:00:00+01:00";

        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            var client = fixture.Client();
            await gate.WaitAsync();
            using var response = await client.PostAsJsonAsync("/api/v1/appointments/bookings",
                AppointmentsFixture.Booking(service, start, $"Person {i}", $"person{i}@example.org"));
            return (response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType);
        }).ToList();
        gate.Release(200);
        var results = await Task.WhenAll(requests);

        Assert.Equal(2, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(198, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.All(results.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Equal("application/problem+json", r.Type));
        Assert.Equal(2, await fixture.ScalarAsOwnerAsync(
            "SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND start_utc = '2026-12-09T09:00:00Z' AND cancelled_at IS NULL", fixture.TownA));
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_slot_counts WHERE booked > capacity OR booked < 0"));
        // Recounted from the bookings themselves, over the whole table: no cell holds more than its location's counters.
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync("""
            SELECT count(*) FROM (
                SELECT 1 FROM appointments_bookings b
                JOIN appointments_locations l ON l.tenant_id = b.tenant_id AND l.id = b.location_id
                CROSS JOIN LATERAL generate_series(b.start_utc, b.end_utc - make_interval(mins => l.slot_minutes), make_interval(mins => l.slot_minutes)) AS cell
                WHERE b.cancelled_at IS NULL
                GROUP BY b.tenant_id, b.location_id, cell, l.counters
                HAVING count(*) > l.counters) over_capacity
            """));
        var slots = await fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?serviceId={service}&from=2026-12-09&to=2026-12-09");
        Assert.DoesNotContain(slots.GetProperty("slots").EnumerateArray(), s => s.GetProperty("start").GetDateTimeOffset() == DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Given_a_thirty_minute_booking_When_a_shorter_service_asks_for_its_second_quarter_Then_the_shared_counters_are_counted()
    {
        var id = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Personalausweis");
        var short15 = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var client = fixture.Client();

        var first = await client.PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(id, "2026-12-15T09:00:00+01:00"));
        var second = await client.PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(id, "2026-12-15T09:00:00+01:00"));
        var overlapping = await client.PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(short15, "2026-12-15T09:15:00+01:00"));
        var after = await client.PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(short15, "2026-12-15T09:30:00+01:00"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-12-15T09:30:00+01:00", body.GetProperty("end").GetString());
    }
}
