using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Saas.IntegrationTests.Appointments;

/// <summary>A town's services and bookings cannot be reached from another town's host.</summary>
[Collection(AppointmentsCollection.Name)]
public sealed class CrossTownBookingTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_town_Bs_service_id_When_booked_on_town_As_host_Then_refused_and_nothing_stored_in_either_town()
    {
        var serviceOfB = await fixture.ServiceIdAsync(AppointmentsFixture.HostB, "Anmeldung");
        var (beforeA, beforeB) = (await fixture.BookingsAsync(fixture.TownA), await fixture.BookingsAsync(fixture.TownB));

        var booking = await fixture.Client().PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(serviceOfB, "2026-12-14T09:00:00+01:00"));
        var slots = await fixture.Client().GetAsync($"/api/v1/appointments/slots?serviceId={serviceOfB}&from=2026-12-14&to=2026-12-14");

        Assert.Equal(HttpStatusCode.BadRequest, booking.StatusCode);
        Assert.True((await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("serviceId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, slots.StatusCode);
        Assert.Equal(beforeA, await fixture.BookingsAsync(fixture.TownA));
        Assert.Equal(beforeB, await fixture.BookingsAsync(fixture.TownB));
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_slot_counts WHERE tenant_id = @t AND start_utc = '2026-12-14T08:00:00Z'", fixture.TownA));
    }

    [Fact]
    public async Task Given_town_Bs_booking_and_its_true_token_When_cancelled_on_town_As_host_Then_404_and_the_booking_stands()
    {
        var serviceOfB = await fixture.ServiceIdAsync(AppointmentsFixture.HostB, "Anmeldung");
        var created = await fixture.Client(AppointmentsFixture.HostB).PostAsJsonAsync("/api/v1/appointments/bookings",
            AppointmentsFixture.Booking(serviceOfB, "2026-12-14T10:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = booking.GetProperty("id").GetGuid();
        var token = booking.GetProperty("manageToken").GetString();

        var response = await fixture.Client().DeleteAsync($"/api/v1/appointments/bookings/{id}?token={token}");
        var cancelPage = await fixture.Client().GetAsync($"/termine/absagen/{id}?token={Uri.EscapeDataString(token!)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancelPage.StatusCode);
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync(
            $"SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND id = '{id}' AND cancelled_at IS NULL", fixture.TownB));
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync(
            "SELECT booked FROM appointments_slot_counts WHERE tenant_id = @t AND start_utc = '2026-12-14T09:00:00Z'", fixture.TownB));
    }
}
