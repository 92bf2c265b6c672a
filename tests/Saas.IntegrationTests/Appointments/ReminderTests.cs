using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Modules.Appointments.Jobs;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The reminder a day before: claimed by a conditional UPDATE, so two runs at once send one mail.</summary>
[Collection(ResidentBookingCollection.Name)]
public sealed class ReminderTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_confirmed_booking_for_tomorrow_When_the_reminder_job_runs_twice_at_once_and_again_Then_exactly_one_reminder_arrives()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        await ResidentBookings.ConfirmedAsync(fixture, service, "2026-12-15T10:00:00+01:00", "erinnern@example.org");
        var hold = await ResidentBookings.HoldAsync(fixture, service, "2026-12-15T10:15:00+01:00", "unbestaetigt@example.org");
        try
        {
            fixture.Clock.SetTo(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(1))); // 25 hours before: not yet
            await RunTwiceAsync();
            Assert.Equal(0, ResidentBookings.MailsTo(fixture, "erinnern@example.org", "Erinnerung"));

            fixture.Clock.SetTo(new DateTimeOffset(2026, 12, 14, 10, 30, 0, TimeSpan.FromHours(1)));
            await RunTwiceAsync();
            var reminder = await fixture.Smtp.WaitForMessageAsync(m => ResidentBookings.To(m, "erinnern@example.org") && (m.Subject ?? "").StartsWith("Erinnerung", StringComparison.Ordinal));
            await RunTwiceAsync();
            await Task.Delay(500); // a duplicate would be on its way by now

            Assert.Contains("15. Dezember 2026, 10:00 Uhr", reminder.Subject, StringComparison.Ordinal);
            Assert.Equal(1, ResidentBookings.MailsTo(fixture, "erinnern@example.org", "Erinnerung"));
            // An unconfirmed hold is no appointment: no reminder.
            Assert.Equal(0, ResidentBookings.MailsTo(fixture, "unbestaetigt@example.org", "Erinnerung"));
            Assert.Equal(1, await fixture.ScalarAsOwnerAsync(
                "SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND start_utc = '2026-12-15T09:00:00Z' AND reminder_sent_at IS NOT NULL", fixture.TownA));
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{hold.Id}' AND reminder_sent_at IS NOT NULL"));
        }
        finally
        {
            fixture.Clock.SetTo(AppointmentTowns.Now);
        }
    }

    [Fact]
    public async Task Given_a_booking_made_in_english_When_the_reminder_goes_out_Then_it_is_in_english()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        using var response = await fixture.Client().PostAsJsonAsync("/api/v1/appointments/bookings?culture=en",
            AppointmentsFixture.Booking(service, "2026-12-16T11:00:00+01:00", email: "reminder-en@example.org"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"UPDATE appointments_bookings SET confirmed_at = '2026-12-07T06:10:00Z' WHERE id = '{id}' AND language = 'en' RETURNING 1"));
        try
        {
            fixture.Clock.SetTo(new DateTimeOffset(2026, 12, 15, 12, 0, 0, TimeSpan.FromHours(1)));
            await RunTwiceAsync();
            var reminder = await fixture.Smtp.WaitForMessageAsync(m => ResidentBookings.To(m, "reminder-en@example.org") && (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));

            Assert.Contains("16 December 2026", reminder.Subject, StringComparison.Ordinal);
            Assert.Equal(0, ResidentBookings.MailsTo(fixture, "reminder-en@example.org", "Erinnerung"));
        }
        finally
        {
            fixture.Clock.SetTo(AppointmentTowns.Now);
        }
    }

    private Task RunTwiceAsync() => Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
        TestTowns.AsTownAsync(fixture.Factory, fixture.TownA, async services =>
        {
            await services.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
            return 0;
        })));
}
