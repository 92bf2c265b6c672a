using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Appointments;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// The IDOR sweep of the appointment staff pages between two towns that both have the feature: A's
/// TenantAdmin calls every id-taking page and handler with town B's service, location, opening hours,
/// special day and booking ids. Each must answer 404, and nothing of B may change. A new id-taking
/// route under /admin/termine that is not listed here fails the sweep.
/// </summary>
[Collection(StaffCollection.Name)]
public sealed class AppointmentsIdorSweepTests(StaffFixture town)
{
    private static readonly HashSet<string> Covered = new(StringComparer.Ordinal)
    {
        "/admin/termine/dienstleistung/{id:guid?}",
        "/admin/termine/standort/{id:guid?}",
        "/admin/termine/buchung/{id:guid}/absagen",
    };

    [Fact]
    public void Every_appointment_staff_route_with_an_id_is_swept_here()
    {
        var routes = town.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/admin/termine", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Covered.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Town_A_staff_with_town_B_appointment_ids_get_404_everywhere_and_change_nothing_in_B()
    {
        var (serviceB, locationB) = await town.ServiceAsync(StaffFixture.HostB, "Anmeldung");
        var bookingB = await town.BookAsync(StaffFixture.HostB, serviceB, "2026-12-14T09:00:00+01:00", "Bergdorf Bürgerin", "b@example.org");
        var adminB = await town.AdminAsync(StaffFixture.HostB);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(adminB, $"/admin/termine/standort/{locationB}?handler=Special",
            new() { ["Day"] = "2026-12-20", ["Opens"] = "10:00", ["Closes"] = "11:00" }, tokenFrom: $"/admin/termine/standort/{locationB}")).StatusCode);
        var hoursB = await town.OwnerScalarAsync<Guid>("SELECT id FROM appointments_opening_hours WHERE tenant_id = @t LIMIT 1", town.TownB);
        var specialB = await town.OwnerScalarAsync<Guid>("SELECT id FROM appointments_special_days WHERE tenant_id = @t LIMIT 1", town.TownB);
        var (_, locationA) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        var before = await town.SnapshotAsync(town.TownB);
        var admin = await town.AdminAsync();

        foreach (var path in new[]
        {
            $"/admin/termine/dienstleistung/{serviceB}", $"/admin/termine/standort/{locationB}", $"/admin/termine/buchung/{bookingB}/absagen",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
        }
        var service = new Dictionary<string, string>
        {
            ["Name"] = "Übernommen", ["Description"] = "x", ["Duration"] = "15", ["LocationId"] = locationA.ToString(),
        };
        var location = new Dictionary<string, string>
        {
            ["Name"] = "Übernommen", ["Street"] = "x 1", ["PostalCode"] = "12345", ["City"] = "x", ["Counters"] = "1", ["SlotMinutes"] = "15", ["NoticeMinutes"] = "0", ["HorizonDays"] = "9",
        };
        foreach (var (action, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/admin/termine/dienstleistung/{serviceB}", service),
            ($"/admin/termine/dienstleistung/{serviceB}?handler=Retire", new()),
            ($"/admin/termine/standort/{locationB}", location),
            ($"/admin/termine/standort/{locationB}?handler=Hours", new() { ["Weekday"] = "6", ["Opens"] = "08:00", ["Closes"] = "09:00" }),
            ($"/admin/termine/standort/{locationB}?handler=Special", new() { ["Day"] = "2026-12-27", ["Opens"] = "08:00", ["Closes"] = "09:00" }),
            ($"/admin/termine/standort/{locationB}?handler=Closed", new() { ["Day"] = "2026-12-28" }),
            ($"/admin/termine/standort/{locationB}?handler=RemoveClosed", new() { ["Day"] = "2026-12-11" }),
            ($"/admin/termine/standort/{locationA}?handler=RemoveHours", new() { ["Entry"] = hoursB.ToString() }),
            ($"/admin/termine/standort/{locationA}?handler=RemoveSpecial", new() { ["Entry"] = specialB.ToString() }),
            ("/admin/termine/tagesplan?handler=Mark", new() { ["Booking"] = bookingB.ToString(), ["Attendance"] = "no_show" }),
            ($"/admin/termine/buchung/{bookingB}/absagen", new() { ["Message"] = "Übernommen" }),
        })
        {
            var response = await StaffSession.PostAsync(admin, action, fields, tokenFrom: "/admin/termine");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await town.SnapshotAsync(town.TownB));
        Assert.DoesNotContain("Bergdorf Bürgerin", await admin.GetStringAsync("/admin/termine/tagesplan?tag=2026-12-14"), StringComparison.Ordinal);
        var csv = await admin.GetAsync("/admin/termine/export?handler=Csv&von=2026-12-14&bis=2026-12-14");
        Assert.DoesNotContain("Bergdorf", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(town.Smtp.Messages, m => m.To.ToString().Contains("b@example.org", StringComparison.Ordinal) && (m.Subject ?? "").Contains("abgesagt", StringComparison.Ordinal));
    }
}
