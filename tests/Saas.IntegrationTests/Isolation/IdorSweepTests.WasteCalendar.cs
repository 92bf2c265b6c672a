using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.News;
using Saas.IntegrationTests.WasteCalendar;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// The IDOR sweep of the waste calendar's phase 2 between two towns that both have it: town B's
/// subscription, confirmation and unsubscribe links, notice and rule ids used on town A's host (by
/// A's TenantAdmin, or anonymously for the resident links). Nothing of B may show or change.
/// </summary>
[Collection(WasteCollection.Name)]
public sealed class WasteIdorSweepTests(WasteFixture fixture)
{
    /// <summary>The phase 2 pages take their ids in the query or the form, never in the route; a new route with an id
    /// under /abfall or /admin/abfall must be added to the main sweep (<see cref="IdorSweepTests"/>) and here.</summary>
    private static readonly HashSet<string> RoutesWithIds = new(StringComparer.Ordinal)
    {
        "/abfall/{id:guid}", "/abfall/kalender/{areaId:guid}.ics", "/admin/abfall/gebiete/{id:guid}",
    };

    [Fact]
    public void The_waste_pages_with_ids_in_the_route_are_the_known_ones()
    {
        var routes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/abfall", StringComparison.Ordinal) || r.StartsWith("/admin/abfall", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(RoutesWithIds.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Town_B_subscription_notice_and_rule_ids_on_town_A_show_nothing_and_change_nothing_in_B()
    {
        var areaB = await WasteAreas.CreateAsync(fixture, "Bergdorf Sweep", fixture.TownB);
        var typesB = await fixture.TypeIdsAsync(WasteFixture.HostB);
        var residentB = WasteSubscriptions.Resident(fixture, WasteFixture.HostB);
        var email = "sweep-b@abfall-b.example";
        Assert.Equal(HttpStatusCode.Redirect, (await WasteSubscriptions.SubscribeAsync(fixture, residentB, areaB, email, types: typesB.Values)).StatusCode);
        var confirmB = (await WasteSubscriptions.OptInMailAsync(fixture, email)).FirstLink("/abfall/erinnerung/bestaetigen");
        var adminB = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostB, await BAdminAsync(), fixture.Clock);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(adminB, "/admin/abfall/hinweise", new() { ["text"] = "Bergdorf-Hinweis", ["gebiet"] = areaB.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(adminB, "/admin/abfall/regeln", new()
        {
            ["areaId"] = areaB.ToString(), ["typeId"] = typesB["Papier"].ToString(), ["everyWeeks"] = "4", ["weekday"] = "3", ["starts"] = "2027-01-01", ["ends"] = "2027-03-01",
        })).StatusCode);
        var noticeB = await fixture.ScalarGuidAsOwnerAsync($"SELECT id FROM waste_notices WHERE tenant_id = '{fixture.TownB}' AND text = 'Bergdorf-Hinweis'");
        var ruleB = await fixture.ScalarGuidAsOwnerAsync($"SELECT id FROM waste_rules WHERE tenant_id = '{fixture.TownB}' AND area_id = '{areaB}'");
        var before = await SnapshotAsync(fixture.TownB);

        // Resident links of B on A's host: B's confirmation link confirms nothing, B's area has no subscribe form.
        var residentA = WasteSubscriptions.Resident(fixture);
        Assert.Equal(HttpStatusCode.NotFound, (await residentA.GetAsync($"/abfall/erinnerung?gebiet={areaB}")).StatusCode);
        Assert.Contains("ungültig", await WasteSubscriptions.ConfirmAsync(residentA, confirmB), StringComparison.Ordinal);

        // Staff of A with B's ids: 404 (or a form error), never B's data.
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);
        var typesA = await fixture.TypeIdsAsync();
        foreach (var (action, fields) in new (string, Dictionary<string, string>)[]
        {
            ("/admin/abfall/hinweise?handler=Loeschen", new() { ["id"] = noticeB.ToString() }),
            ("/admin/abfall/hinweise", new() { ["text"] = "Übernahme", ["gebiet"] = areaB.ToString() }),
            ("/admin/abfall/regeln?handler=Loeschen", new() { ["id"] = ruleB.ToString() }),
            ("/admin/abfall/regeln?handler=Schreiben", new() { ["id"] = ruleB.ToString() }),
            ("/admin/abfall/regeln?handler=Ausnahme", new() { ["id"] = ruleB.ToString(), ["day"] = "2027-01-06" }),
            ("/admin/abfall/regeln", new()
            {
                ["areaId"] = areaB.ToString(), ["typeId"] = typesA["Papier"].ToString(), ["everyWeeks"] = "1", ["weekday"] = "1", ["starts"] = "2027-01-01", ["ends"] = "2027-02-01",
            }),
        })
        {
            using var response = await StaffSession.PostAsync(admin, action, fields, tokenFrom: action.Split('?')[0]);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"{action} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Bergdorf", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var page in new[] { "/admin/abfall", "/admin/abfall/hinweise", "/admin/abfall/regeln" })
        {
            Assert.DoesNotContain("Bergdorf", await admin.GetStringAsync(page), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Bergdorf-Hinweis", await fixture.Client().GetStringAsync("/abfall"), StringComparison.Ordinal);

        Assert.Equal(before, await SnapshotAsync(fixture.TownB));
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_notices WHERE tenant_id = '{fixture.TownA}' AND text = 'Übernahme'"));
    }

    [Fact]
    public async Task Town_A_unsubscribe_link_on_town_B_host_is_refused_and_the_subscription_stays()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Sweep Abmelden");
        var types = await fixture.TypeIdsAsync();
        await WasteSubscriptions.AddCollectionAsync(fixture, area, types["Restmüll"], new DateOnly(2026, 12, 8));
        var email = "sweep-a@abfall-a.example";
        await WasteSubscriptions.SubscribeAndConfirmAsync(fixture, area, email);
        var before = fixture.Clock.GetUtcNow();
        try
        {
            fixture.Clock.SetTo(new DateTimeOffset(2026, 12, 7, 18, 5, 0, TimeSpan.FromHours(1)));
            await WasteSubscriptions.RunJobTwiceAsync(fixture);
            // Town B's job never mails A's subscribers.
            await WasteSubscriptions.RunJobTwiceAsync(fixture, fixture.TownB);
            var reminder = await fixture.Smtp.WaitForMessageAsync(m => WasteSubscriptions.To(m, email) && (m.Subject ?? "").StartsWith("Morgen", StringComparison.Ordinal));
            var link = reminder.FirstLink("/abfall/erinnerung/abmelden");

            var onB = fixture.Factory.ClientFor(WasteFixture.HostB, https: true);
            Assert.Contains("ungültig", await onB.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);
            var posted = await onB.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}'"));
            Assert.Equal(1, WasteSubscriptions.MailsTo(fixture, email, "Morgen"));
        }
        finally
        {
            // Back near the start, but never to a 30-second step a sign-in has used (codes work once).
            fixture.Clock.SetTo(before.AddMinutes(5));
        }
    }

    private async Task<Saas.IntegrationTests.Infrastructure.TestAccount> BAdminAsync() =>
        fixture.AdminB ??= await Saas.IntegrationTests.Infrastructure.TestAccounts.CreateAsync(fixture.Factory, fixture.TownB, "verwaltung@abfall-b.example", Saas.Kernel.Security.Roles.TenantAdmin);

    private async Task<string> SnapshotAsync(Guid town)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "waste_subscriptions", "waste_reminders_sent", "waste_notices", "waste_notice_areas", "waste_notices_sent", "waste_rules", "waste_rule_exceptions", "waste_collections", "waste_areas" })
        {
            parts.Add($"{table}:{await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM {table} WHERE tenant_id = @t", town)}:" +
                      await fixture.ScalarTextAsOwnerAsync($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t WHERE tenant_id = @t", town));
        }
        return string.Join("\n", parts);
    }
}
