using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Accounts;
using Saas.IntegrationTests.Jobs;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// The IDOR sweep of the job offers between two towns that both have the feature: B's TenantAdmin calls every
/// id-taking page and handler with town A's posting, application and attachment ids; each answers 404 and nothing
/// of A changes. A's attachments are not for A's residents, A's editors without the permission, or anyone anonymous.
/// A new id-taking route under /admin/stellen or /stellen that is not listed here fails the sweep.
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class JobsIdorSweepTests(JobsFixture town)
{
    private static readonly HashSet<string> Covered = new(StringComparer.Ordinal)
    {
        "/admin/stellen/stelle/{id:guid?}",
        "/admin/stellen/stelle/{id:guid}/bewerbungen",
        "/admin/stellen/bewerbung/{id:guid}",
        "/admin/stellen/anhang/{id:guid}",
        "/stellen/{slug:regex(^[a-z0-9][a-z0-9-]*$)}",
        "/stellen/{slug:regex(^[a-z0-9][a-z0-9-]*$)}/bewerben",
    };

    [Fact]
    public void Every_jobs_route_with_an_id_is_swept_here()
    {
        var routes = town.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/admin/stellen", StringComparison.Ordinal) || r.StartsWith("/stellen", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Covered.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Town_B_staff_with_town_A_ids_get_404_everywhere_and_change_nothing_in_A()
    {
        var (_, _, application) = await town.ApplyAsync("erzieher-in-kita", "Anna Aus A", "anna-a@example.org", "Geheimes Anschreiben", [("geheim.pdf", JobsFixture.Pdf("Geheim A"))]);
        var posting = await town.IdAsync("SELECT id FROM jobs_postings WHERE tenant_id = @t AND slug = 'erzieher-in-kita'", town.TownA);
        var attachment = await town.IdAsync($"SELECT id FROM jobs_attachments WHERE tenant_id = @t AND application_id = '{application}'", town.TownA);
        var before = await SnapshotAsync();
        var adminB = await town.StaffAsync(town.AdminB, JobsFixture.HostB);

        foreach (var path in new[]
        {
            $"/admin/stellen/stelle/{posting}", $"/admin/stellen/stelle/{posting}/bewerbungen", $"/admin/stellen/bewerbung/{application}",
            $"/admin/stellen/bewerbung/{application}?vorlage=declined", $"/admin/stellen/anhang/{attachment}",
        })
        {
            using var response = await adminB.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }
        var edit = PostingTests.Fields("Übernommen", "Übernommen", "2027-01-31", "2026-12-07T06:00");
        foreach (var (action, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/admin/stellen/stelle/{posting}", edit),
            ($"/admin/stellen/stelle/{posting}?handler=Vorschau", edit),
            ($"/admin/stellen/bewerbung/{application}", new() { ["Status"] = "declined", ["Send"] = "true", ["Message"] = "Übernommen" }),
        })
        {
            using var response = await StaffSession.PostAsync(adminB, action, fields, tokenFrom: "/admin/stellen/stelle");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action} answered {(int)response.StatusCode}");
        }
        // A's slug on B's host is simply not there.
        Assert.Equal(HttpStatusCode.NotFound, (await town.Factory.ClientFor(JobsFixture.HostB).GetAsync("/stellen/erzieher-in-kita")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await town.Factory.ClientFor(JobsFixture.HostB).GetAsync("/stellen/erzieher-in-kita/bewerben")).StatusCode);

        Assert.Equal(before, await SnapshotAsync());
        Assert.DoesNotContain(town.Smtp.Messages, m => m.To.ToString().Contains("anna-a@example.org", StringComparison.Ordinal) && (m.TextBody ?? "").Contains("Übernommen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_attachment_is_for_staff_with_the_permission_only_not_for_residents_editors_or_anyone_anonymous()
    {
        var (_, _, application) = await town.ApplyAsync("erzieher-in-kita", "Berta Bewerberin", "berta@example.org", "Anschreiben", [("cv.pdf", JobsFixture.Pdf("Berta"))]);
        var attachment = await town.IdAsync($"SELECT id FROM jobs_attachments WHERE tenant_id = @t AND application_id = '{application}'", town.TownA);
        var path = $"/admin/stellen/anhang/{attachment}";

        using (var anonymous = await town.Factory.ClientFor(JobsFixture.HostA, https: true).GetAsync(path))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.DoesNotContain("Berta", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var resident = ResidentClient.For(town.Factory, JobsFixture.HostA);
        await resident.SignInAsync(town.ResidentA.Email, town.ResidentA.Password);
        Assert.True(await resident.IsSignedInAsync());
        using (var asResident = await resident.Http.GetAsync(path))
        {
            Assert.NotEqual(HttpStatusCode.OK, asResident.StatusCode);
            Assert.DoesNotContain("Berta", await asResident.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var editor = await town.StaffAsync(town.EditorA);
        foreach (var staffOnly in new[] { path, $"/admin/stellen/bewerbung/{application}" })
        {
            using var asEditor = await editor.GetAsync(staffOnly);
            Assert.False(asEditor.IsSuccessStatusCode, $"{staffOnly} answered {(int)asEditor.StatusCode} to an editor");
            Assert.DoesNotContain("Berta", await asEditor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await (await town.StaffAsync(town.AdminA)).GetAsync(path)).StatusCode);
    }

    private async Task<string> SnapshotAsync()
    {
        var rows = await town.CountAsync("SELECT count(*) FROM jobs_postings WHERE tenant_id = @t AND title = 'Übernommen'", town.TownA)
            + await town.CountAsync("SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND status <> 'received'", town.TownA);
        var checksum = await town.CountAsync("SELECT coalesce(sum(length(p::text)), 0) FROM jobs_postings p WHERE tenant_id = @t", town.TownA)
            + await town.CountAsync("SELECT coalesce(sum(length(a::text)), 0) FROM jobs_applications a WHERE tenant_id = @t", town.TownA);
        return $"{rows}|{checksum}";
    }
}
