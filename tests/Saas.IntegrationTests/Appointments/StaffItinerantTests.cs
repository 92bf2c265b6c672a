using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Modules.Appointments.Jobs;

namespace Saas.IntegrationTests.Appointments;

/// <summary>
/// Itinerant office hours: a village community house without weekly hours, open on one Saturday,
/// where a service is offered besides its main location; residents see where, and book there.
/// </summary>
[Collection(StaffCollection.Name)]
public sealed class StaffItinerantTests(StaffFixture town)
{
    [Fact]
    public async Task A_service_offered_at_a_village_house_on_a_special_saturday_shows_and_books_those_slots_there()
    {
        var admin = await town.AdminAsync();
        var created = await StaffSession.PostAsync(admin, "/admin/termine/standort", new()
        {
            ["Name"] = "Dorfgemeinschaftshaus Kleinau",
            ["Street"] = "Lindenweg 2",
            ["PostalCode"] = "14806",
            ["City"] = "Kleinau",
            ["Counters"] = "1",
            ["SlotMinutes"] = "30",
            ["NoticeMinutes"] = "60",
            ["HorizonDays"] = "60",
        });
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        var village = Guid.Parse(page.Split('/')[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, page + "?handler=Special", new() { ["Day"] = "2026-12-19", ["Opens"] = "10:00", ["Closes"] = "11:30", ["Note"] = "Mobile Sprechstunde" })).StatusCode);
        var (service, main) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        var edited = await StaffSession.PostAsync(admin, $"/admin/termine/dienstleistung/{service}", new()
        {
            ["Name"] = "Anmeldung amt-a",
            ["Description"] = "Wohnsitz anmelden",
            ["WhatToBring"] = "Ausweis",
            ["Duration"] = "15",
            ["Buffer"] = "0",
            ["FeeNote"] = "frei",
            ["LocationId"] = main.ToString(),
            ["FurtherLocations"] = village.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var services = await town.Api().GetFromJsonAsync<JsonElement>("/api/v1/appointments/services");
        var anmeldung = services.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == service);
        Assert.Equal("Dorfgemeinschaftshaus Kleinau", anmeldung.GetProperty("furtherLocations")[0].GetProperty("name").GetString());

        // Saturday: the town hall is closed, the village house open 10:00-11:30 on a 30-minute grid.
        Assert.Empty(await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-19"));
        Assert.Equal(["10:00", "10:30", "11:00"], (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-19", village)).Keys);
        Assert.Empty(await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-26", village));

        var booked = await town.Api().PostAsJsonAsync("/api/v1/appointments/bookings",
            new { serviceId = service, start = "2026-12-19T10:30:00+01:00", name = "Greta Dorf", email = "greta@example.org", locationId = village });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal("Dorfgemeinschaftshaus Kleinau", (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetProperty("name").GetString());
        Assert.Equal(["10:00", "11:00"], (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-19", village)).Keys);
        var mail = await town.Smtp.WaitForMessageToAsync("greta@example.org");
        Assert.Contains("Lindenweg 2", mail.TextBody, StringComparison.Ordinal);

        // Without the location the Saturday is no slot of the service's main location.
        var mainOnly = await town.Api().PostAsJsonAsync("/api/v1/appointments/bookings",
            new { serviceId = service, start = "2026-12-19T10:00:00+01:00", name = "Greta Dorf", email = "greta@example.org" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mainOnly.StatusCode);
        var (_, locationOfB) = await town.ServiceAsync(StaffFixture.HostB, "Anmeldung");
        var foreign = await town.Api().GetAsync($"/api/v1/appointments/slots?serviceId={service}&from=2026-12-19&to=2026-12-19&locationId={locationOfB}");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        // The resident booking page offers both places and books at the one chosen.
        var resident = town.Factory.ClientFor(StaffFixture.HostA, https: true);
        var bookingPage = await resident.GetStringAsync($"/termine/{service}?ort={village}&tag=2026-12-19");
        Assert.Contains("Wo Sie diesen Termin buchen können", bookingPage, StringComparison.Ordinal);
        Assert.Contains("Dorfgemeinschaftshaus Kleinau, Lindenweg 2", bookingPage, StringComparison.Ordinal);
        Assert.Contains(">11:00</label>", bookingPage, StringComparison.Ordinal);
        var viaPage = await StaffSession.PostAsync(resident, $"/termine/{service}?ort={village}",
            new() { ["Start"] = "2026-12-19T11:00:00+01:00", ["Name"] = "Hans Dorf", ["Email"] = "hans@example.org" }, tokenFrom: $"/termine/{service}?ort={village}&tag=2026-12-19");
        Assert.Equal(HttpStatusCode.OK, viaPage.StatusCode);
        Assert.Contains("Lindenweg 2", await viaPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["10:00"], (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-19", village)).Keys);

        // Greta confirms her hold through the mailed link; from then on staff see her appointment.
        var confirmLink = Saas.TestInfrastructure.Mail.MailLinks.FirstLink(mail, "/termine/bestaetigen/");
        var query = System.Web.HttpUtility.ParseQueryString(confirmLink.Query);
        var confirmed = await StaffSession.PostAsync(town.Factory.ClientFor(StaffFixture.HostA, https: true), confirmLink.AbsolutePath,
            new() { ["Token"] = query["token"]!, ["Code"] = query["code"]! }, tokenFrom: "/konto/anmelden");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var plan = await admin.GetStringAsync("/admin/termine/tagesplan?tag=2026-12-19");
        Assert.Contains("Greta Dorf", plan, StringComparison.Ordinal);
        Assert.Contains("Dorfgemeinschaftshaus Kleinau", plan, StringComparison.Ordinal);

        // The reminder a day before names the village house, where Greta is expected, not the town hall.
        // The clock goes back to where it was, never further: an authenticator step already used must stay past.
        var before = town.Clock.GetUtcNow();
        town.Clock.SetTo(new DateTimeOffset(2026, 12, 18, 12, 0, 0, TimeSpan.FromHours(1)));
        try
        {
            await TestTowns.AsTownAsync(town.Factory, town.TownA, async services =>
            {
                await services.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
                return 0;
            });
            var reminder = await town.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == "greta@example.org") && (m.Subject ?? "").StartsWith("Erinnerung", StringComparison.Ordinal));
            Assert.Contains("Dorfgemeinschaftshaus Kleinau, Lindenweg 2", reminder.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            town.Clock.SetTo(before);
        }
    }
}
