using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Saas.IntegrationTests.Appointments;

/// <summary>Services, slots, booking and cancelling through API v1, always about the calling host's town.</summary>
[Collection(AppointmentsCollection.Name)]
public sealed class BookingApiTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_two_towns_When_services_are_listed_Then_only_the_callers_appear_with_their_location()
    {
        var services = await fixture.Client().GetFromJsonAsync<JsonElement>("/api/v1/appointments/services");

        var names = services.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Anmeldung termin-a", "Personalausweis termin-a"], names);
        var first = services[0];
        Assert.Equal(15, first.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Ausweis", first.GetProperty("whatToBring").GetString());
        Assert.Equal("Bürgerbüro termin-a", first.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("Stufenlos", first.GetProperty("location").GetProperty("accessibilityNote").GetString());
    }

    [Fact]
    public async Task Given_a_tuesday_with_a_lunch_break_When_slots_are_asked_for_Then_they_follow_the_hours_in_town_time_with_seats_left()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");

        var answer = await fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?serviceId={service}&from=2026-12-08&to=2026-12-08");

        var slots = answer.GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal("Europe/Berlin", answer.GetProperty("timeZone").GetString());
        Assert.Equal("2026-12-08T09:00:00+01:00", slots[0].GetProperty("start").GetString());
        Assert.Equal(2, slots[0].GetProperty("remaining").GetInt32());
        Assert.Equal(12 + 20, slots.Count); // 09:00-12:00 and 13:00-18:00 in quarters
        Assert.DoesNotContain(slots, s => s.GetProperty("start").GetString()!.Contains("T12:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_holidays_and_closed_days_When_slots_are_asked_for_Then_those_days_have_none()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");

        var answer = await fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?serviceId={service}&from=2026-12-11&to=2026-12-28");

        var days = answer.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()![..10]).Distinct().ToList();
        Assert.DoesNotContain("2026-12-11", days); // closed day
        Assert.DoesNotContain("2026-12-25", days); // 1. Weihnachtstag
        Assert.Contains("2026-12-14", days);
        Assert.Contains("2026-12-28", days);
    }

    [Fact]
    public async Task Given_a_booking_When_cancelled_with_a_wrong_token_Then_404_and_with_its_token_the_seat_is_free_again_once()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var client = fixture.Client();
        var created = await client.PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(service, "2026-12-10T09:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = booking.GetProperty("id").GetGuid();
        var token = booking.GetProperty("manageToken").GetString()!;
        Assert.Equal($"/api/v1/appointments/bookings/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(1, await SeatsLeftAsync(client, service, "2026-12-10T09:00:00+01:00"));
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE token_hash = '{token}'"));

        var wrong = await client.DeleteAsync($"/api/v1/appointments/bookings/{id}?token={token[..^2]}xx");
        var none = await client.DeleteAsync($"/api/v1/appointments/bookings/{id}");
        var right = await client.DeleteAsync($"/api/v1/appointments/bookings/{id}?token={token}");
        var again = await client.DeleteAsync($"/api/v1/appointments/bookings/{id}?token={token}");

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(2, await SeatsLeftAsync(client, service, "2026-12-10T09:00:00+01:00"));
    }

    [Fact]
    public async Task Given_a_town_without_the_feature_When_the_api_is_called_Then_404()
    {
        var response = await fixture.Client(AppointmentsFixture.HostWithout).GetAsync("/api/v1/appointments/services");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Given_the_openapi_document_Then_it_lists_the_appointments_endpoints()
    {
        var document = await fixture.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/appointments/services", paths);
        Assert.Contains("/api/v1/appointments/slots", paths);
        Assert.Contains("/api/v1/appointments/bookings", paths);
        Assert.Contains("/api/v1/appointments/bookings/{id}", paths);
    }

    private static async Task<int> SeatsLeftAsync(HttpClient client, Guid service, string start)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?serviceId={service}&from={start[..10]}&to={start[..10]}");
        return answer.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("start").GetString() == start)
            .Select(s => s.GetProperty("remaining").GetInt32()).SingleOrDefault();
    }
}
