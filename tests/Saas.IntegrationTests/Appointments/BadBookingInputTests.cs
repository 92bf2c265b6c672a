using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Saas.IntegrationTests.Appointments;

/// <summary>Bad input gets RFC 9457 problem details, never a 500, and stores nothing.</summary>
[Collection(AppointmentsCollection.Name)]
public sealed class BadBookingInputTests(AppointmentsFixture fixture)
{
    [Theory]
    [InlineData("2026-12-08T08:00:00+01:00", "before opening")]
    [InlineData("2026-12-08T12:00:00+01:00", "in the lunch break")]
    [InlineData("2026-12-08T09:07:00+01:00", "off the 15-minute grid")]
    [InlineData("2026-12-01T09:00:00+01:00", "in the past")]
    [InlineData("2027-01-12T09:00:00+01:00", "beyond the 30-day horizon")]
    [InlineData("2026-12-25T09:00:00+01:00", "on a public holiday")]
    [InlineData("2026-12-11T09:00:00+01:00", "on a closed day")]
    [InlineData("2026-12-12T09:00:00+01:00", "on a Saturday")]
    public async Task Given_a_time_that_is_no_slot_When_booked_Then_422_problem_and_nothing_stored(string start, string why)
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var before = await fixture.BookingsAsync(fixture.TownA);

        var response = await fixture.Client().PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(service, start));

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await fixture.BookingsAsync(fixture.TownA));
    }

    public static TheoryData<string, string> MalformedFields() => new()
    {
        { "email", """{"serviceId":"{S}","start":"2026-12-08T09:00:00+01:00","name":"Erika","email":"erika@"}""" },
        { "email", """{"serviceId":"{S}","start":"2026-12-08T09:00:00+01:00","name":"Erika","email":"erika mustermann@example.org"}""" },
        { "email", """{"serviceId":"{S}","start":"2026-12-08T09:00:00+01:00","name":"Erika","email":"\"x\"@example.org"}""" },
        { "name", """{"serviceId":"{S}","start":"2026-12-08T09:00:00+01:00","name":"{LONG}","email":"erika@example.org"}""" },
        { "name", """{"serviceId":"{S}","start":"2026-12-08T09:00:00+01:00","name":"   ","email":"erika@example.org"}""" },
        { "start", """{"serviceId":"{S}","start":"2026-12-08T09:00:00","name":"Erika","email":"erika@example.org"}""" },
        { "start", """{"serviceId":"{S}","start":"morgen früh","name":"Erika","email":"erika@example.org"}""" },
        { "serviceId", """{"serviceId":"kein-guid","start":"2026-12-08T09:00:00+01:00","name":"Erika","email":"erika@example.org"}""" },
        { "serviceId", """{"serviceId":"{RANDOM}","start":"2026-12-08T09:00:00+01:00","name":"Erika","email":"erika@example.org"}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public async Task Given_a_malformed_field_When_booked_Then_400_validation_problem_naming_it_and_nothing_stored(string field, string json)
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var before = await fixture.BookingsAsync(fixture.TownA);
        json = json.Replace("{S}", service.ToString(), StringComparison.Ordinal).Replace("{RANDOM}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{LONG}", new string('x', 10_000), StringComparison.Ordinal);

        var response = await fixture.Client().PostAsync("/api/v1/appointments/bookings", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(before, await fixture.BookingsAsync(fixture.TownA));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"serviceId": 5, "start": true}""")]
    [InlineData("")]
    public async Task Given_a_body_that_is_no_booking_When_posted_Then_400_and_never_500(string body)
    {
        var response = await fixture.Client().PostAsync("/api/v1/appointments/bookings", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-12-08&to=2026-12-07")]
    [InlineData("from=2026-12-08&to=2027-03-01")]
    [InlineData("from=08.12.2026&to=2026-12-09")]
    [InlineData("to=2026-12-09")]
    public async Task Given_a_bad_date_range_When_slots_are_asked_for_Then_400_validation_problem(string query)
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");

        var response = await fixture.Client().GetAsync($"/api/v1/appointments/slots?serviceId={service}&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
