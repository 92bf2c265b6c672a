using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Jobs;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The appointment jobs run once per town: a town's run reminds and releases only its own bookings.</summary>
[Collection(ResidentBookingCollection.Name)]
public sealed class JobIsolationTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_booking_and_a_hold_in_town_B_When_town_A_runs_its_reminder_and_release_jobs_Then_nothing_of_B_is_touched_until_B_runs_them()
    {
        var serviceOfB = await fixture.ServiceIdAsync(AppointmentsFixture.HostB, "Anmeldung");
        var booking = await ResidentBookings.HoldAsync(fixture, serviceOfB, "2026-12-15T15:00:00+01:00", "b-erinnern@example.org", AppointmentsFixture.HostB);
        using (var confirmed = await ResidentBookings.ConfirmAsync(fixture, booking.ConfirmLink))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }
        var hold = await ResidentBookings.HoldAsync(fixture, serviceOfB, "2026-12-15T15:30:00+01:00", "b-vergessen@example.org", AppointmentsFixture.HostB);
        try
        {
            // 23 hours before B's appointment, long after B's hold expired.
            fixture.Clock.SetTo(new DateTimeOffset(2026, 12, 14, 16, 0, 0, TimeSpan.FromHours(1)));

            await RunAsync<ReminderJob>(fixture.TownA);
            await RunAsync<HoldReleaseJob>(fixture.TownA);
            await Task.Delay(500); // a wrong reminder would be on its way by now

            Assert.Equal(0, ResidentBookings.MailsTo(fixture, "b-erinnern@example.org", "Erinnerung"));
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{booking.Id}' AND reminder_sent_at IS NOT NULL"));
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{hold.Id}' AND released_at IS NOT NULL"));
            Assert.Equal(1, await ResidentBookings.BookedAsync(fixture, fixture.TownB, "2026-12-15T14:30:00Z"));

            await RunAsync<ReminderJob>(fixture.TownB);
            await RunAsync<HoldReleaseJob>(fixture.TownB);

            await fixture.Smtp.WaitForMessageAsync(m => ResidentBookings.To(m, "b-erinnern@example.org") && (m.Subject ?? "").StartsWith("Erinnerung", StringComparison.Ordinal));
            Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM appointments_bookings WHERE id = '{hold.Id}' AND released_at IS NOT NULL"));
            Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownB, "2026-12-15T14:30:00Z"));
        }
        finally
        {
            fixture.Clock.SetTo(AppointmentTowns.Now);
        }
    }

    private Task<int> RunAsync<TJob>(Guid town) where TJob : ITenantJob =>
        TestTowns.AsTownAsync(fixture.Factory, town, async services =>
        {
            await services.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
            return 0;
        });
}
