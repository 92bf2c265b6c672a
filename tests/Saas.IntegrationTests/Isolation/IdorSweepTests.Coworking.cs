using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Accounts;
using Saas.IntegrationTests.Coworking;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Modules.Coworking.Booking;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// The IDOR sweep of co-working between two towns that both have it: A's TenantAdmin and a resident
/// of A call every page and handler that takes an id with town B's space, workplace and booking ids.
/// Each must answer 404 (or a form error), and nothing of B may change. A new id-taking route under
/// /admin/coworking or /coworking that is not listed here fails the sweep.
/// </summary>
[Collection(CoworkingCollection.Name)]
public sealed class CoworkingIdorSweepTests(CoworkingFixture town)
{
    private static readonly HashSet<string> Covered = new(StringComparer.Ordinal)
    {
        "/admin/coworking/raum/{id:guid?}",
    };

    [Fact]
    public void Every_coworking_route_with_an_id_is_swept_here()
    {
        var routes = town.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/admin/coworking", StringComparison.Ordinal) || r.StartsWith("/coworking", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Covered.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Town_A_staff_and_residents_with_town_B_coworking_ids_get_404_or_a_form_error_and_change_nothing_in_B()
    {
        var spaceB = await town.OwnerScalarAsync<Guid>("SELECT id FROM coworking_spaces WHERE tenant_id = @t LIMIT 1", town.TownB);
        var deskB = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownB, "Raum");
        var bookedB = await CoworkingTowns.BookAsync(town.Factory, town.TownB, deskB, "2026-12-22", "09:00", "10:00", new Resident(Guid.NewGuid(), "b@example.org", "Bergdorf Bürgerin"));
        var bookingB = bookedB.Booked!.Booking.Id;
        var spaceA = await town.OwnerScalarAsync<Guid>("SELECT id FROM coworking_spaces WHERE tenant_id = @t AND name = 'Coworking cowork-a'", town.TownA);
        var before = await town.SnapshotAsync(town.TownB);
        var admin = await town.AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/coworking/raum/{spaceB}")).StatusCode);
        foreach (var (action, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/admin/coworking/raum/{spaceB}", new() { ["Name"] = "Übernommen", ["Street"] = "x 1", ["PostalCode"] = "12345", ["City"] = "x", ["HouseRules"] = "x", ["CancelHours"] = "1", ["PassPrice"] = "1" }),
            ($"/admin/coworking/raum/{spaceB}?handler=Workplace", new() { ["Name"] = "Gekapert", ["Kind"] = "desk", ["Capacity"] = "1", ["HourPrice"] = "1", ["HalfDayPrice"] = "1", ["DayPrice"] = "1" }),
            ($"/admin/coworking/raum/{spaceB}?handler=Toggle", new() { ["Workplace"] = deskB.ToString() }),
            ($"/admin/coworking/raum/{spaceA}?handler=Toggle", new() { ["Workplace"] = deskB.ToString() }),
            ("/admin/coworking?handler=CheckIn", new() { ["Booking"] = bookingB.ToString() }),
        })
        {
            using var response = await StaffSession.PostAsync(admin, action, fields, tokenFrom: "/admin/coworking");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action} answered {(int)response.StatusCode}");
        }
        Assert.DoesNotContain("Bergdorf", await admin.GetStringAsync("/admin/coworking?tag=2026-12-22"), StringComparison.Ordinal);
        Assert.DoesNotContain(spaceB.ToString(), await admin.GetStringAsync("/admin/coworking"), StringComparison.Ordinal);

        var account = await TestAccounts.CreateAsync(town.Factory, town.TownA, "idor-cowork@example.org");
        var resident = ResidentClient.For(town.Factory, CoworkingFixture.HostA);
        await resident.SignInAsync(account.Email, account.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.GetAsync($"/coworking?raum={spaceB}")).StatusCode);
        using (var cancel = await resident.SubmitAsync("/coworking/meine", [new("Booking", bookingB.ToString())], "/coworking/meine?handler=Cancel"))
        {
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        }
        using (var book = await resident.SubmitAsync("/coworking", [new("Workplace", deskB.ToString()), new("Day", "2026-12-23"), new("Span", "day"), new("Payment", "on-site"), new("Rules", "true")]))
        {
            Assert.Equal(HttpStatusCode.OK, book.StatusCode);
            Assert.Contains("Bitte wählen Sie einen buchbaren Platz.", ResidentClient.Decode(await book.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var pass = await resident.SubmitAsync("/coworking/meine", [new("PassSpace", spaceB.ToString()), new("PassPayment", "invoice")], "/coworking/meine?handler=Pass"))
        {
            Assert.Equal(HttpStatusCode.OK, pass.StatusCode);
            Assert.Contains("Bitte wählen Sie einen Raum.", ResidentClient.Decode(await pass.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before, await town.SnapshotAsync(town.TownB));
    }
}
