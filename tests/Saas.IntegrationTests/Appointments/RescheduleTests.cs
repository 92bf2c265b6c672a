using System.Net;
using System.Net.Http.Json;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The reschedule link: one transaction takes the new cells and frees the old; a full new slot leaves everything as it was.</summary>
[Collection(ResidentBookingCollection.Name)]
public sealed class RescheduleTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_confirmed_booking_When_moved_through_the_mailed_link_Then_the_old_seat_is_free_the_new_taken_and_the_token_still_cancels()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var booking = await ResidentBookings.ConfirmedAsync(fixture, service, "2026-12-10T09:00:00+01:00", "umzug@example.org");
        var mail = await ResidentBookings.ConfirmationMailAsync(fixture, "umzug@example.org");
        var link = Saas.TestInfrastructure.Mail.MailLinks.FirstLink(mail, "/termine/verschieben/");
        var client = fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true);

        var days = WebUtility.HtmlDecode(await client.GetStringAsync(link.PathAndQuery));
        Assert.Contains("tag=2026-12-10", days, StringComparison.Ordinal);
        var moved = await StaffSession.PostAsync(client, link.AbsolutePath, new() { ["Token"] = booking.Token, ["Start"] = "2026-12-10T10:30:00+01:00" },
            tokenFrom: link.PathAndQuery + "&tag=2026-12-10");
        var text = WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("Termin verschoben", text, StringComparison.Ordinal);
        Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-10T08:00:00Z"));
        Assert.Equal(1, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-10T09:30:00Z"));
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{booking.Id}' AND start_utc = '2026-12-10T09:30:00Z' AND end_utc = '2026-12-10T09:45:00Z'"));
        await fixture.Smtp.WaitForMessageAsync(m => ResidentBookings.To(m, "umzug@example.org") && (m.Subject ?? "").Contains("10:30", StringComparison.Ordinal));

        var cancelled = await client.DeleteAsync($"/api/v1/appointments/bookings/{booking.Id}?token={Uri.EscapeDataString(booking.Token)}");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-10T09:30:00Z"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Given_a_full_target_slot_When_a_booking_is_moved_there_Then_it_is_refused_clearly_and_booking_and_ledger_stay_as_they_were()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var booking = await ResidentBookings.ConfirmedAsync(fixture, service, "2026-12-10T11:00:00+01:00", "bleibt@example.org");
        var client = fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true);
        var page = $"/termine/verschieben/{booking.Id}?token={Uri.EscapeDataString(booking.Token)}&tag=2026-12-10";
        var form = await client.GetStringAsync(page);
        // While the resident looks at the times, two others take 11:30.
        foreach (var who in new[] { "a", "b" })
        {
            await ResidentBookings.ConfirmedAsync(fixture, service, "2026-12-10T11:30:00+01:00", $"schneller-{who}@example.org");
        }

        var moved = await StaffSession.PostAsync(client, $"/termine/verschieben/{booking.Id}", new() { ["Token"] = booking.Token, ["Start"] = "2026-12-10T11:30:00+01:00" }, tokenFrom: page);
        var text = WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync());

        Assert.Contains("value=\"2026-12-10T11:30:00&#x2B;01:00\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("Ihr bisheriger Termin bleibt bestehen", text, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{booking.Id}' AND start_utc = '2026-12-10T10:00:00Z' AND cancelled_at IS NULL"));
        Assert.Equal(1, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-10T10:00:00Z"));
        Assert.Equal(2, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-10T10:30:00Z"));
    }

    [Fact]
    public async Task Given_one_booking_When_two_moves_to_different_times_race_Then_exactly_one_wins_and_no_seat_is_freed_twice()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var booking = await ResidentBookings.ConfirmedAsync(fixture, service, "2026-12-14T09:00:00+01:00", "zwei-tabs@example.org");
        var page = $"/termine/verschieben/{booking.Id}?token={Uri.EscapeDataString(booking.Token)}&tag=2026-12-14";
        var (tabA, tabB) = (fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true), fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true));
        var (tokenA, tokenB) = (await StaffSession.TokenAsync(tabA, page), await StaffSession.TokenAsync(tabB, page));

        var results = await Task.WhenAll(
            tabA.PostAsync($"/termine/verschieben/{booking.Id}", Form(booking.Token, "2026-12-14T10:00:00+01:00", tokenA)),
            tabB.PostAsync($"/termine/verschieben/{booking.Id}", Form(booking.Token, "2026-12-14T10:15:00+01:00", tokenB)));
        var texts = await Task.WhenAll(results.Select(async r => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync())));

        Assert.Equal(1, texts.Count(t => t.Contains("Termin verschoben", StringComparison.Ordinal)));
        Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-14T08:00:00Z"));
        Assert.Equal(1, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-14T09:00:00Z")
            + await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-14T09:15:00Z"));
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_slot_counts WHERE booked < 0 OR booked > capacity"));
    }

    [Fact]
    public async Task Given_forged_or_used_up_tokens_When_the_reschedule_page_is_opened_Then_404()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var booking = await ResidentBookings.ConfirmedAsync(fixture, service, "2026-12-14T11:00:00+01:00", "falsch@example.org");
        var client = fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true);
        var hold = await ResidentBookings.HoldAsync(fixture, service, "2026-12-14T11:15:00+01:00", "offen@example.org");

        var forged = await client.GetAsync($"/termine/verschieben/{booking.Id}?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var none = await client.GetAsync($"/termine/verschieben/{booking.Id}");
        var pending = await client.GetAsync($"/termine/verschieben/{hold.Id}?token={Uri.EscapeDataString(hold.Token)}");
        var otherTown = await fixture.Factory.ClientFor(AppointmentsFixture.HostB, https: true).GetAsync($"/termine/verschieben/{booking.Id}?token={Uri.EscapeDataString(booking.Token)}");
        await client.DeleteAsync($"/api/v1/appointments/bookings/{booking.Id}?token={Uri.EscapeDataString(booking.Token)}");
        var afterCancel = await client.GetAsync($"/termine/verschieben/{booking.Id}?token={Uri.EscapeDataString(booking.Token)}");

        Assert.All(new[] { forged, none, pending, otherTown, afterCancel }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    private static FormUrlEncodedContent Form(string token, string start, string antiforgery) => new(new Dictionary<string, string>
    {
        ["Token"] = token, ["Start"] = start, ["__RequestVerificationToken"] = antiforgery,
    });
}
