using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The promise: no slot is ever booked beyond its capacity, whatever the concurrency.</summary>
[Collection(AppointmentsCollection.Name)]
public sealed class BookingConcurrencyTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_slot_for_three_When_two_hundred_residents_book_it_through_the_api_at_once_Then_exactly_three_get_it_and_the_rest_a_clean_409()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostThree, "Anmeldung");
        const string start = "2026-12-09T10:00:00+01:00";

        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            var client = fixture.Client(AppointmentsFixture.HostThree);
            await gate.WaitAsync();
            using var response = await client.PostAsJsonAsync("/api/v1/appointments/bookings",
                AppointmentsFixture.Booking(service, start, $"Person {i}", $"person{i}@example.org"));
            return (response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType);
        }).ToList();
        gate.Release(200);
        var results = await Task.WhenAll(requests);

        Assert.Equal(3, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(197, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.All(results.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Equal("application/problem+json", r.Type));
        Assert.Equal(3, await fixture.ScalarAsOwnerAsync(
            "SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND start_utc = '2026-12-09T09:00:00Z' AND cancelled_at IS NULL", fixture.TownThree));
        await AssertNoCellOverCapacityAsync();
        var slots = await fixture.Client(AppointmentsFixture.HostThree).GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?serviceId={service}&from=2026-12-09&to=2026-12-09");
        Assert.DoesNotContain(slots.GetProperty("slots").EnumerateArray(), s => s.GetProperty("start").GetDateTimeOffset() == DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Given_a_slot_for_three_When_two_hundred_residents_send_the_booking_form_at_once_Then_three_are_booked_and_the_rest_get_409_with_the_times_left()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostThree, "Anmeldung");
        var path = $"/termine/{service}";
        // Each resident opens the form first (own cookies, own antiforgery and form token), then all press "book" at once.
        var forms = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var client = fixture.Factory.ClientFor(AppointmentsFixture.HostThree, https: true);
            var page = await client.GetStringAsync($"{path}?tag=2026-12-10");
            return (client, Fields: new Dictionary<string, string>
            {
                ["Start"] = "2026-12-10T10:00:00+01:00", ["Name"] = $"Formular {i}", ["Email"] = $"formular{i}@example.org",
                ["FormToken"] = StaffSession.Field(page, "FormToken")!,
                ["__RequestVerificationToken"] = StaffSession.TokenIn(page, path),
            });
        }));

        using var gate = new SemaphoreSlim(0);
        var requests = forms.Select(async form =>
        {
            await gate.WaitAsync();
            using var response = await form.client.PostAsync(path, new FormUrlEncodedContent(form.Fields));
            return (response.StatusCode, Page: WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }).ToList();
        gate.Release(200);
        var results = await Task.WhenAll(requests);

        var booked = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var refused = results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(3, booked.Count);
        Assert.Equal(197, refused.Count);
        Assert.All(booked, r => Assert.Contains("Fast geschafft", r.Page, StringComparison.Ordinal));
        // The refusal says why in German and offers the day's other times, without the one just lost.
        Assert.All(refused, r => Assert.Contains("Diese Uhrzeit wurde gerade vergeben. Bitte wählen Sie eine andere.", r.Page, StringComparison.Ordinal));
        Assert.All(refused, r => Assert.Contains(">10:15</label>", r.Page, StringComparison.Ordinal));
        Assert.All(refused, r => Assert.DoesNotContain(">10:00</label>", r.Page, StringComparison.Ordinal));
        Assert.Equal(3, await fixture.ScalarAsOwnerAsync(
            "SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND start_utc = '2026-12-10T09:00:00Z' AND cancelled_at IS NULL", fixture.TownThree));
        await AssertNoCellOverCapacityAsync();
    }

    /// <summary>The ledger row and a recount from the bookings themselves, over the whole table: no cell holds more than its location's counters.</summary>
    private async Task AssertNoCellOverCapacityAsync()
    {
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_slot_counts WHERE booked > capacity OR booked < 0"));
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync("""
            SELECT count(*) FROM (
                SELECT 1 FROM appointments_bookings b
                JOIN appointments_locations l ON l.tenant_id = b.tenant_id AND l.id = b.location_id
                CROSS JOIN LATERAL generate_series(b.start_utc, b.end_utc - make_interval(mins => l.slot_minutes), make_interval(mins => l.slot_minutes)) AS cell
                WHERE b.cancelled_at IS NULL
                GROUP BY b.tenant_id, b.location_id, cell, l.counters
                HAVING count(*) > l.counters) over_capacity
            """));
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
