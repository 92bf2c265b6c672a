using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Kernel.Security;
using Saas.Modules.News.Data;
using Saas.Modules.WasteCalendar.Data;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// The IDOR sweep: every route of the application that takes an id is called on town A's host by
/// A's TenantAdmin (second factor passed) with town B's ids, and with B's session cookie carried to
/// A's host. Nothing of B may show and nothing of B may change. A route that takes an id and is not
/// listed in <see cref="Probes"/> fails the sweep, so a route added later cannot slip past it.
/// </summary>
public sealed partial class IdorSweepTests(NewsEditorFixture fixture) : IClassFixture<NewsEditorFixture>
{
    /// <summary>How to fill each id-taking route with town B's ids; null: no B-owned id goes in (reason given).</summary>
    private static readonly Dictionary<string, Func<Ids, string>?> Probes = new(StringComparer.Ordinal)
    {
        ["/admin/aktuelles/{id:guid}"] = b => $"/admin/aktuelles/{b.Article}",
        ["/admin/aktuelles/{id:guid}/loeschen"] = b => $"/admin/aktuelles/{b.Article}/loeschen",
        ["/admin/aktuelles/kategorien/{id:guid}/loeschen"] = b => $"/admin/aktuelles/kategorien/{b.Category}/loeschen",
        ["/admin/aktuelles/bilder/{id:guid}"] = b => $"/admin/aktuelles/bilder/{b.Image}",
        ["/aktuelles/bilder/{id:guid}"] = b => $"/aktuelles/bilder/{b.Image}",
        ["/aktuelles/{slug:regex(^[a-z0-9-]+$)}"] = b => $"/aktuelles/{b.ArticleSlug}",
        ["/api/v1/news/{id:guid}"] = b => $"/api/v1/news/{b.Article}",
        // DELETE only, and useless without the booking's manage token: Appointments/CrossTownBookingTests cancels
        // town B's booking with its true token on A's host and checks it stands. Here a GET with B's id must show nothing.
        ["/api/v1/appointments/bookings/{id:guid}"] = b => $"/api/v1/appointments/bookings/{b.Article}",
        ["/termine/{id:guid}"] = b => $"/termine/{b.Article}",
        // Needs the booking's token as well; CrossTownBookingTests opens B's true cancel link on A's host.
        ["/termine/absagen/{id:guid}"] = b => $"/termine/absagen/{b.Article}",
        // Need the booking's token (and the mailed code) as well; Appointments/HoldTests and RescheduleTests open
        // town A's true links on town B's host. Here B's id without them must show nothing.
        ["/termine/bestaetigen/{id:guid}"] = b => $"/termine/bestaetigen/{b.Article}",
        ["/termine/verschieben/{id:guid}"] = b => $"/termine/verschieben/{b.Article}",
        ["/abfall/{id:guid}"] = b => $"/abfall/{b.WasteArea}",
        ["/abfall/kalender/{areaId:guid}.ics"] = b => $"/abfall/kalender/{b.WasteArea}.ics",
        ["/api/v1/waste/areas/{areaId:guid}/calendar.ics"] = b => $"/api/v1/waste/areas/{b.WasteArea}/calendar.ics",
        ["/admin/abfall/gebiete/{id:guid}"] = b => $"/admin/abfall/gebiete/{b.WasteArea}",
        // The appointment staff pages: these towns lack the feature, so AppointmentsIdorSweepTests sweeps them again
        // between two towns that have it, with town B's own service, location, hours and booking ids.
        ["/admin/termine/dienstleistung/{id:guid?}"] = b => $"/admin/termine/dienstleistung/{b.Article}",
        ["/admin/termine/standort/{id:guid?}"] = b => $"/admin/termine/standort/{b.Article}",
        ["/admin/termine/buchung/{id:guid}/absagen"] = b => $"/admin/termine/buchung/{b.Article}/absagen",
        // A signup's link on the platform site (a town's host has no such page); it needs the signup's token
        // as well: Signup/SignupTests confirm with forged and expired tokens and nothing is made.
        ["/registrieren/bestaetigen/{id:guid}"] = b => $"/registrieren/bestaetigen/{b.Town}",
        // The job offers: these towns lack the feature, so JobsIdorSweepTests sweeps them again between two towns
        // that have it, with the other town's own posting, application and attachment ids.
        ["/admin/stellen/stelle/{id:guid?}"] = b => $"/admin/stellen/stelle/{b.Article}",
        ["/admin/stellen/stelle/{id:guid}/bewerbungen"] = b => $"/admin/stellen/stelle/{b.Article}/bewerbungen",
        ["/admin/stellen/bewerbung/{id:guid}"] = b => $"/admin/stellen/bewerbung/{b.Article}",
        ["/admin/stellen/anhang/{id:guid}"] = b => $"/admin/stellen/anhang/{b.Article}",
        ["/stellen/{slug:regex(^[a-z0-9][a-z0-9-]*$)}"] = b => $"/stellen/{b.ArticleSlug}",
        ["/stellen/{slug:regex(^[a-z0-9][a-z0-9-]*$)}/bewerben"] = b => $"/stellen/{b.ArticleSlug}/bewerben",
        // The co-working staff page: these towns lack the feature, so CoworkingIdorSweepTests sweeps it again
        // between two towns that have it, with town B's own space, workplace and booking ids.
        ["/admin/coworking/raum/{id:guid?}"] = b => $"/admin/coworking/raum/{b.Article}",
        ["/support/gemeinden/{id:guid}"] = b => $"/support/gemeinden/{b.Town}",
        ["/support/gemeinden/{id:guid}/zugang"] = b => $"/support/gemeinden/{b.Town}/zugang",
        // Keys, not ids: the same four page keys exist in every town and always mean the current town's.
        ["/admin/seiten/{key:regex(^(welcome|impressum|datenschutz|barrierefreiheit)$)}"] = null,
        ["/{key:regex(^(impressum|datenschutz|barrierefreiheit)$)}"] = null,
        ["/fehler/{code:int}"] = null,
        ["/sprache/{culture}"] = null,
    };

    /// <summary>POST handlers that take an id in the form; called with B's ids, they must change nothing in B.</summary>
    private static IEnumerable<(string Page, string Action, Dictionary<string, string> Fields)> FormProbes(Ids b) =>
    [
        ("/admin/benutzer", "/admin/benutzer?handler=Role", new() { ["id"] = b.Staff.ToString(), ["role"] = Roles.Editor }),
        ("/admin/benutzer", "/admin/benutzer?handler=Disable", new() { ["id"] = b.Staff.ToString() }),
        ("/admin/benutzer", "/admin/benutzer?handler=Resend", new() { ["id"] = b.Staff.ToString() }),
        ("/admin/aktuelles", $"/admin/aktuelles/{b.Article}/loeschen", new()),
        ("/admin/aktuelles", $"/admin/aktuelles/kategorien/{b.Category}/loeschen", new()),
        ("/admin/abfall", $"/admin/abfall/gebiete/{b.WasteArea}?handler=Loeschen", new() { ["confirm"] = "ja" }),
        ("/admin/abfall", $"/admin/abfall/gebiete/{b.WasteArea}?handler=Strasse", new() { ["village"] = "A", ["street"] = "Weg" }),
        ("/admin/abfall", $"/admin/abfall/gebiete/{b.WasteArea}?handler=StrasseEntfernen", new() { ["streetId"] = b.WasteStreet.ToString() }),
        ("/admin/abfall", $"/admin/abfall/gebiete/{b.WasteArea}?handler=Termin", new() { ["typeId"] = b.WasteType.ToString(), ["day"] = "2027-05-05" }),
        ("/admin/abfall", $"/admin/abfall/gebiete/{b.WasteArea}?handler=TerminEntfernen", new() { ["typeId"] = b.WasteType.ToString(), ["day"] = "2027-01-12" }),
        ("/admin/abfall", "/admin/abfall?handler=TypAendern", new() { ["id"] = b.WasteType.ToString(), ["name"] = "Gekapert", ["colour"] = "#000000", ["icon"] = "rest" }),
    ];

    public sealed record Ids(Guid Town, Guid Article, string ArticleSlug, Guid Category, Guid Image, Guid Staff, Guid WasteArea, Guid WasteStreet, Guid WasteType);

    [Fact]
    public void Every_route_that_takes_an_id_is_covered_by_the_sweep()
    {
        var withParameters = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            // OpenAPI documents and the Hangfire dashboard's own assets are not town data.
            .Where(r => !r.StartsWith("/openapi/", StringComparison.Ordinal) && !r.StartsWith("/support/hangfire", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        var uncovered = withParameters.Where(r => !Probes.ContainsKey(r)).Order(StringComparer.Ordinal).ToList();
        var stale = Probes.Keys.Where(r => !withParameters.Contains(r)).ToList();
        Assert.True(uncovered.Count == 0, "Routes with ids not covered by the IDOR sweep: " + string.Join(", ", uncovered));
        Assert.True(stale.Count == 0, "Sweep entries for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Town_A_staff_with_town_B_ids_sees_nothing_of_B_and_changes_nothing()
    {
        var b = await IdsOfBAsync();
        var marker = await ArticleTitleAsync(b.Article);
        var before = await FingerprintAsync(fixture.TownB);
        var admin = await StaffSession.SignInAsync(fixture.Factory, NewsEditorFixture.HostA, fixture.SecondEditorA, fixture.Clock);

        foreach (var (route, probe) in Probes.Where(p => p.Value is not null))
        {
            using var response = await admin.GetAsync(probe!(b));
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(response.IsSuccessStatusCode && body.Contains(marker, StringComparison.Ordinal),
                $"{route} showed town B's data on A's host ({(int)response.StatusCode})");
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                Assert.DoesNotContain(b.Article.ToString(), body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("bergdorf", body, StringComparison.OrdinalIgnoreCase);
            }
        }
        foreach (var (page, action, fields) in FormProbes(b))
        {
            using var response = await StaffSession.PostAsync(admin, action, fields, tokenFrom: page);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        Assert.Equal(before, await FingerprintAsync(fixture.TownB));
    }

    [Fact]
    public async Task Town_B_staff_cookie_carried_to_town_A_is_no_session_there()
    {
        var (cookies, _) = await StaffSession.CookiesAsync(fixture.Factory, NewsEditorFixture.HostB, fixture.EditorB, fixture.Clock);
        var b = await IdsOfBAsync();
        var before = await FingerprintAsync(fixture.TownB);
        var client = fixture.Factory.CreateClient(new() { BaseAddress = new Uri($"https://{NewsEditorFixture.HostA}/"), AllowAutoRedirect = false, HandleCookies = false });

        foreach (var path in new[] { "/admin", "/admin/aktuelles", $"/admin/aktuelles/{b.Article}", "/admin/benutzer", "/konto" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookies);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.NotFound,
                $"{path} on A with B's cookie answered {(int)response.StatusCode}");
            if (response.Headers.Location is { } location)
            {
                Assert.Contains("anmelden", location.OriginalString, StringComparison.Ordinal);
            }
        }
        Assert.Equal(before, await FingerprintAsync(fixture.TownB));
    }

    private async Task<Ids> IdsOfBAsync()
    {
        var staffB = fixture.EditorB.Id;
        return await TestTowns.AsTownAsync(fixture.Factory, fixture.TownB, async services =>
        {
            var db = services.GetRequiredService<NewsDbContext>();
            var article = db.Articles.Single(a => a.Id == fixture.ArticleB);
            var waste = services.GetRequiredService<WasteDbContext>();
            var area = waste.Areas.Single(a => a.Name == "Nord bergdorf");
            var street = waste.Streets.First(s => s.AreaId == area.Id);
            var paper = waste.Types.Single(t => t.Name == "Papier");
            return await Task.FromResult(new Ids(fixture.TownB, article.Id, article.Slug, fixture.CategoryB, fixture.ImageB, staffB, area.Id, street.Id, paper.Id));
        });
    }

    private Task<string> ArticleTitleAsync(Guid article) =>
        TestTowns.AsTownAsync(fixture.Factory, fixture.TownB, services =>
            Task.FromResult(services.GetRequiredService<NewsDbContext>().Articles.Single(a => a.Id == article).Title));

    /// <summary>A digest of every row town B owns, in every tenant-owned table of the schema (found, not listed).</summary>
    private async Task<string> FingerprintAsync(Guid town)
    {
        await using var connection = new NpgsqlConnection(fixture.Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var parts = new List<string>();
        foreach (var table in tables.Where(t => SafeName().IsMatch(t)))
        {
            await using var digest = new NpgsqlCommand(
                $"SELECT '{table}:' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t WHERE tenant_id = @t", connection);
            digest.Parameters.AddWithValue("t", town);
            parts.Add((string)(await digest.ExecuteScalarAsync())!);
        }
        return string.Join("\n", parts);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SafeName();
}
