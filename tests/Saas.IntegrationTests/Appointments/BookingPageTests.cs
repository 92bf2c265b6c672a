using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The resident's way without an app: service, day, time, name and e-mail; the hold, its confirmation, the mail with the calendar entry and the cancel link.</summary>
[Collection(AppointmentsCollection.Name)]
public sealed class BookingPageTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_resident_When_they_pick_day_and_time_and_book_Then_the_mail_carries_an_ics_in_town_time_and_a_cancel_link_that_frees_the_seat()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Personalausweis");
        var client = fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true);

        var list = await client.GetStringAsync("/termine");
        var days = await client.GetStringAsync($"/termine/{service}");
        var times = await client.GetStringAsync($"/termine/{service}?tag=2026-12-16");
        Assert.Contains($"href=\"/termine/{service}\"", list, StringComparison.Ordinal);
        Assert.Contains("?tag=2026-12-16", days, StringComparison.Ordinal);
        Assert.DoesNotContain("?tag=2026-12-25", days, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-16T09:00:00&#x2B;01:00\"", times, StringComparison.Ordinal);

        var booked = await StaffSession.PostAsync(client, $"/termine/{service}", new()
        {
            ["Start"] = "2026-12-16T09:00:00+01:00", ["Name"] = "Jonas Beispiel", ["Email"] = "jonas@example.org",
        }, tokenFrom: $"/termine/{service}?tag=2026-12-16");
        var page = System.Net.WebUtility.HtmlDecode(await booked.Content.ReadAsStringAsync());
        var hold = await ResidentBookings.HoldMailAsync(fixture, "jonas@example.org");

        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Contains("jonas@example.org", page, StringComparison.Ordinal);
        Assert.Contains("Fast geschafft", page, StringComparison.Ordinal);
        // Without an account the seat is held until the mailed link is confirmed.
        Assert.Equal(1, await SeatsLeftAsync(service, "2026-12-16T09:00:00+01:00"));
        using var confirmed = await ResidentBookings.ConfirmAsync(fixture, Saas.TestInfrastructure.Mail.MailLinks.FirstLink(hold, "/termine/bestaetigen/"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var mail = await ResidentBookings.ConfirmationMailAsync(fixture, "jonas@example.org");
        var ics = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == "termin.ics");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261216T090000", calendar, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20261216T093000", calendar, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", calendar, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https://termin-a\.localhost(/termine/absagen/[^\s]+)").Groups[1].Value;
        Assert.NotEmpty(link);

        var confirm = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(1, await SeatsLeftAsync(service, "2026-12-16T09:00:00+01:00"));
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);
        var cancelled = await StaffSession.PostAsync(client, link.Split('?')[0], new() { ["Token"] = token }, tokenFrom: link);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(2, await SeatsLeftAsync(service, "2026-12-16T09:00:00+01:00"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Given_a_malformed_e_mail_When_the_form_is_sent_Then_the_form_comes_back_with_the_message_and_nothing_is_stored()
    {
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");
        var client = fixture.Factory.ClientFor(AppointmentsFixture.HostA, https: true);
        var before = await fixture.BookingsAsync(fixture.TownA);

        var response = await StaffSession.PostAsync(client, $"/termine/{service}", new()
        {
            ["Start"] = "2026-12-17T09:00:00+01:00", ["Name"] = "Jonas", ["Email"] = "jonas at example",
        }, tokenFrom: $"/termine/{service}?tag=2026-12-17");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#email\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.BookingsAsync(fixture.TownA));
    }

    [Fact]
    public async Task Given_town_Bs_service_When_its_booking_page_is_opened_on_town_As_host_Then_404()
    {
        var serviceOfB = await fixture.ServiceIdAsync(AppointmentsFixture.HostB, "Anmeldung");

        var response = await fixture.Client().GetAsync($"/termine/{serviceOfB}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> SeatsLeftAsync(Guid service, string start)
    {
        var answer = await fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?serviceId={service}&from={start[..10]}&to={start[..10]}");
        return answer.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("start").GetString() == start)
            .Select(s => s.GetProperty("remaining").GetInt32()).SingleOrDefault();
    }
}
