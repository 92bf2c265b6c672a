using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Jobs;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Appointments;

/// <summary>Booking without an account: a 15-minute hold, confirmed by the mailed link or released exactly once.</summary>
[Collection(ResidentBookingCollection.Name)]
public sealed class HoldTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_hold_When_the_mailed_link_is_confirmed_Then_the_confirmation_mail_brings_the_ics_a_cancel_and_a_reschedule_link()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Personalausweis");
        var hold = await ResidentBookings.HoldAsync(fixture, service, "2026-12-08T10:00:00+01:00", "halten@example.org");

        var page = await fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true).GetAsync(hold.ConfirmLink.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(0, ResidentBookings.MailsTo(fixture, "halten@example.org", "Ihr Termin")); // opening the link confirms nothing
        using var confirmed = await ResidentBookings.ConfirmAsync(fixture, hold.ConfirmLink);
        var text = WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync());
        var mail = await ResidentBookings.ConfirmationMailAsync(fixture, "halten@example.org");

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Ihr Termin ist bestätigt", text, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{hold.Id}' AND confirmed_at IS NOT NULL AND cancelled_at IS NULL"));
        var ics = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == "termin.ics");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261208T100000", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        Assert.Contains(hold.Token, Uri.UnescapeDataString(mail.FirstLink("/termine/absagen/").Query), StringComparison.Ordinal);
        Assert.Contains(hold.Token, Uri.UnescapeDataString(mail.FirstLink("/termine/verschieben/").Query), StringComparison.Ordinal);

        // Pressing the button again (a double click, a second tab) confirms nothing twice and mails nothing twice.
        using var again = await ResidentBookings.ConfirmAsync(fixture, hold.ConfirmLink);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Task.Delay(300);
        Assert.Equal(1, ResidentBookings.MailsTo(fixture, "halten@example.org", "Ihr Termin"));
    }

    [Fact]
    public async Task Given_a_confirm_link_When_its_code_or_token_is_forged_Then_404_and_the_hold_stays_unconfirmed()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var hold = await ResidentBookings.HoldAsync(fixture, service, "2026-12-08T11:00:00+01:00", "faelscher@example.org");
        var client = fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true);

        var forgedCode = await client.GetAsync($"/termine/bestaetigen/{hold.Id}?token={Uri.EscapeDataString(hold.Token)}&code=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var noCode = await client.GetAsync($"/termine/bestaetigen/{hold.Id}?token={Uri.EscapeDataString(hold.Token)}");
        // The manage token from the API answer alone must not confirm: only the mailbox holds the code.
        var tokenAsCode = await client.GetAsync($"/termine/bestaetigen/{hold.Id}?token={Uri.EscapeDataString(hold.Token)}&code={Uri.EscapeDataString(hold.Token)}");
        var otherTown = await fixture.Factory.ClientFor(AppointmentsFixture.HostB, https: true).GetAsync(hold.ConfirmLink.PathAndQuery);

        Assert.All(new[] { forgedCode, noCode, tokenAsCode, otherTown }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{hold.Id}' AND confirmed_at IS NULL"));
    }

    [Fact]
    public async Task Given_holds_on_a_full_slot_When_15_minutes_pass_Then_the_search_shows_it_free_the_job_releases_each_once_and_a_late_confirm_is_refused()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Personalausweis");
        const string start = "2026-12-09T09:00:00+01:00";
        var first = await ResidentBookings.HoldAsync(fixture, service, start, "spaet1@example.org");
        await ResidentBookings.HoldAsync(fixture, service, start, "spaet2@example.org");
        var full = await fixture.Client().PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(service, start, email: "spaet3@example.org"));
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal(0, await SeatsLeftAsync(service, start));
        try
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(15));

            // Past its time, before any job ran: the search already offers the slot again.
            Assert.Equal(2, await SeatsLeftAsync(service, start));
            // Two runs of the job at once release each hold exactly once: the ledger goes to zero, never below.
            var runs = await Task.WhenAll(RunJobAsync<HoldReleaseJob>(), RunJobAsync<HoldReleaseJob>());
            Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-09T08:00:00Z"));
            Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-09T08:15:00Z"));
            Assert.Equal(2, await fixture.ScalarAsOwnerAsync(
                "SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND start_utc = '2026-12-09T08:00:00Z' AND released_at IS NOT NULL AND cancelled_at IS NOT NULL", fixture.TownA));

            using var late = await ResidentBookings.ConfirmAsync(fixture, first.ConfirmLink);
            var text = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
            Assert.Contains("nicht innerhalb von 15 Minuten bestätigt", text, StringComparison.Ordinal);
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{first.Id}' AND confirmed_at IS NOT NULL"));
            Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-09T08:00:00Z"));

            var rebooked = await fixture.Client().PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(service, start, email: "spaet3@example.org"));
            Assert.Equal(HttpStatusCode.Created, rebooked.StatusCode);
        }
        finally
        {
            fixture.Clock.SetTo(AppointmentTowns.Now);
        }
    }

    [Fact]
    public async Task Given_expired_holds_not_yet_released_When_a_booking_needs_their_cells_Then_the_booker_releases_them_once_and_books()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        const string start = "2026-12-09T11:00:00+01:00";
        await ResidentBookings.HoldAsync(fixture, service, start, "los1@example.org");
        await ResidentBookings.HoldAsync(fixture, service, start, "los2@example.org");
        try
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(16));
            // Many at once on the freed slot: the releases happen once, the slot still takes exactly two.
            var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
            {
                using var response = await fixture.Client().PostAsJsonAsync("/api/v1/appointments/bookings",
                    AppointmentsFixture.Booking(service, start, email: $"neu{i}@example.org"));
                return response.StatusCode;
            }));

            Assert.Equal(2, results.Count(s => s == HttpStatusCode.Created));
            Assert.Equal(10, results.Count(s => s == HttpStatusCode.Conflict));
            Assert.Equal(2, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-09T10:00:00Z"));
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM appointments_slot_counts WHERE booked < 0 OR booked > capacity"));
        }
        finally
        {
            fixture.Clock.SetTo(AppointmentTowns.Now);
        }
    }

    private Task<int> RunJobAsync<TJob>() where TJob : ITenantJob =>
        TestTowns.AsTownAsync(fixture.Factory, fixture.TownA, async services =>
        {
            await services.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
            return 0;
        });

    private async Task<int> SeatsLeftAsync(Guid service, string start)
    {
        var answer = await fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?serviceId={service}&from={start[..10]}&to={start[..10]}");
        return answer.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("start").GetString() == start)
            .Select(s => s.GetProperty("remaining").GetInt32()).SingleOrDefault();
    }
}
