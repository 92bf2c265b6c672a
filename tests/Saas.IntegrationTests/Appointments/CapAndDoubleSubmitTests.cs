using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>One booking per submitted form or Idempotency-Key, and the cap per e-mail address, under concurrency.</summary>
[Collection(ResidentBookingCollection.Name)]
public sealed class CapAndDoubleSubmitTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_cap_of_two_When_ten_bookings_for_one_address_arrive_at_once_Then_exactly_two_are_made_and_the_rest_get_a_clear_422()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostB, "Anmeldung");
        await fixture.ChangeSetupAsOwnerAsync("UPDATE appointments_locations SET max_active_bookings_per_email = 2 WHERE tenant_id = @t", fixture.TownB);
        try
        {
            using var gate = new SemaphoreSlim(0);
            var requests = Enumerable.Range(0, 10).Select(async i =>
            {
                await gate.WaitAsync();
                // Different times (no seat contention), the same address in different spellings.
                using var response = await fixture.Client(AppointmentsFixture.HostB).PostAsJsonAsync("/api/v1/appointments/bookings",
                    AppointmentsFixture.Booking(service, $"2026-12-16T{9 + (i / 4):00}:{i % 4 * 15:00}:00+01:00", email: i % 2 == 0 ? "viel@example.org" : "Viel@Example.org"));
                return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
            }).ToList();
            gate.Release(10);
            var results = await Task.WhenAll(requests);

            Assert.Equal(2, results.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(8, results.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
            Assert.Contains("maximum of active bookings", results.First(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).Body.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND lower(email) = 'viel@example.org' AND cancelled_at IS NULL", fixture.TownB));
            Assert.Equal(2, await fixture.ScalarAsOwnerAsync("SELECT coalesce(sum(booked), 0) FROM appointments_slot_counts WHERE tenant_id = @t AND start_utc >= '2026-12-16T00:00:00Z' AND start_utc < '2026-12-17T00:00:00Z'", fixture.TownB));

            // The form says it in German, and another address still books.
            var client = fixture.Factory.ClientFor(AppointmentsFixture.HostB, https: true);
            var form = await StaffSession.PostAsync(client, $"/termine/{service}", new()
            {
                ["Start"] = "2026-12-17T09:00:00+01:00", ["Name"] = "Vielbucher", ["Email"] = "viel@example.org",
            }, tokenFrom: $"/termine/{service}?tag=2026-12-17");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
            Assert.Contains("Mit dieser E-Mail-Adresse sind an diesem Ort schon so viele Termine gebucht, wie erlaubt sind.",
                WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            var other = await fixture.Client(AppointmentsFixture.HostB).PostAsJsonAsync("/api/v1/appointments/bookings",
                AppointmentsFixture.Booking(service, "2026-12-17T09:00:00+01:00", email: "wenig@example.org"));
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }
        finally
        {
            await fixture.ChangeSetupAsOwnerAsync("UPDATE appointments_locations SET max_active_bookings_per_email = NULL WHERE tenant_id = @t", fixture.TownB);
        }
    }

    [Fact]
    public async Task Given_the_booking_form_When_it_is_submitted_twice_at_once_Then_one_booking_is_made_and_both_answers_show_it()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var client = fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true);
        var page = await client.GetStringAsync($"/termine/{service}?tag=2026-12-17");
        var fields = new Dictionary<string, string>
        {
            ["Start"] = "2026-12-17T10:00:00+01:00", ["Name"] = "Doppelklick", ["Email"] = "doppelt@example.org",
            ["FormToken"] = StaffSession.Field(page, "FormToken")!,
            ["__RequestVerificationToken"] = await StaffSession.TokenAsync(client, $"/termine/{service}?tag=2026-12-17"),
        };

        var answers = await Task.WhenAll(
            client.PostAsync($"/termine/{service}", new FormUrlEncodedContent(fields)),
            client.PostAsync($"/termine/{service}", new FormUrlEncodedContent(fields)));
        var late = await client.PostAsync($"/termine/{service}", new FormUrlEncodedContent(fields));
        var texts = await Task.WhenAll(answers.Append(late).Select(async a => WebUtility.HtmlDecode(await a.Content.ReadAsStringAsync())));

        Assert.All(answers.Append(late), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(texts, t => Assert.Contains("Fast geschafft", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("role=\"alert\"", t, StringComparison.Ordinal));
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND email = 'doppelt@example.org'", fixture.TownA));
        Assert.Equal(1, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-17T09:00:00Z"));
        await ResidentBookings.HoldMailAsync(fixture, "doppelt@example.org");
        await Task.Delay(300);
        Assert.Equal(1, ResidentBookings.MailsTo(fixture, "doppelt@example.org", "Bitte bestätigen"));
    }

    [Fact]
    public async Task Given_an_Idempotency_Key_When_the_same_request_is_sent_twice_at_once_Then_one_201_one_200_one_booking_and_another_body_gets_422()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var body = AppointmentsFixture.Booking(service, "2026-12-17T10:15:00+01:00", email: "wiederholt@example.org");
        HttpRequestMessage Request(object content) => new(HttpMethod.Post, "/api/v1/appointments/bookings")
        {
            Content = JsonContent.Create(content), Headers = { { "Idempotency-Key", "app-7f3a-0001" } },
        };

        var answers = await Task.WhenAll(fixture.Client().SendAsync(Request(body)), fixture.Client().SendAsync(Request(body)));
        var other = await fixture.Client().SendAsync(Request(AppointmentsFixture.Booking(service, "2026-12-17T10:30:00+01:00", email: "wiederholt@example.org")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND email = 'wiederholt@example.org'", fixture.TownA));
    }
}
