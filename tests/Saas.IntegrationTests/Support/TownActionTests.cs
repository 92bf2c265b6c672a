using System.Net;
using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;

namespace Saas.IntegrationTests.Support;

/// <summary>The town list and the changes support makes to a town: reason required, audit entry in that town only.</summary>
[Collection(SupportCollection.Name)]
public sealed class TownActionTests(SupportFixture fixture)
{
    [Fact]
    public async Task Given_the_town_list_When_searched_by_slug_or_domain_Then_matching_towns_with_their_figures_are_listed()
    {
        var client = await fixture.SignedInAsync(fixture.Support);

        var all = await (await client.GetAsync("/support/gemeinden")).Content.ReadAsStringAsync();
        var bySlug = await (await client.GetAsync("/support/gemeinden?q=sp-b")).Content.ReadAsStringAsync();
        var byState = await SupportFixture.TextAsync(await client.GetAsync("/support/gemeinden?zustand=archived"));

        Assert.Contains("Test sp-a", all, StringComparison.Ordinal);
        Assert.Contains("Test sp-b", all, StringComparison.Ordinal);
        Assert.Contains("Test sp-b", bySlug, StringComparison.Ordinal);
        Assert.DoesNotContain("Test sp-a", bySlug, StringComparison.Ordinal);
        Assert.Contains("Keine Gemeinde passt zu diesen Filtern.", byState, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_town_When_its_detail_is_opened_Then_figures_come_from_that_town_only()
    {
        var client = await fixture.SignedInAsync(fixture.Support);

        var html = await (await client.GetAsync($"/support/gemeinden/{fixture.TownA}")).Content.ReadAsStringAsync();

        // Town A has one article and one staff account (its TenantAdmin); town B's data is not counted.
        Assert.Matches("<dt>Artikel</dt><dd>1</dd>", html);
        Assert.Matches("<dt>Mitarbeitende</dt><dd>1</dd>", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Given_a_state_change_without_reason_When_submitted_Then_a_German_error_and_nothing_changes(string reason)
    {
        var client = await fixture.SignedInAsync(fixture.Support);
        var before = await fixture.AuditAsync(fixture.TownB);

        var response = await SupportFixture.PostFormAsync(client, $"/support/gemeinden/{fixture.TownB}",
            new() { ["change"] = "suspend", ["reason"] = reason }, $"/support/gemeinden/{fixture.TownB}?handler=State");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bitte geben Sie einen Grund an.", await SupportFixture.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(TenantState.Active, fixture.Factory.Service<TenantRegistry>().Find(fixture.TownB)!.State);
        Assert.Equal(before.Count, (await fixture.AuditAsync(fixture.TownB)).Count);
    }

    [Fact]
    public async Task Given_a_reason_When_a_town_is_suspended_and_resumed_Then_each_change_is_in_that_towns_audit_log_as_support()
    {
        var client = await fixture.SignedInAsync(fixture.Support);
        var auditA = (await fixture.AuditAsync(fixture.TownA)).Count;
        const string Reason = "Ticket 4711: Rechnung offen <script>alert(1)</script>";

        var suspend = await SupportFixture.PostFormAsync(client, $"/support/gemeinden/{fixture.TownB}",
            new() { ["change"] = "suspend", ["reason"] = Reason }, $"/support/gemeinden/{fixture.TownB}?handler=State");
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        Assert.Equal(TenantState.Suspended, fixture.Factory.Service<TenantRegistry>().Find(fixture.TownB)!.State);
        var page = await (await client.GetAsync($"/support/gemeinden/{fixture.TownB}")).Content.ReadAsStringAsync();

        var resume = await SupportFixture.PostFormAsync(client, $"/support/gemeinden/{fixture.TownB}",
            new() { ["change"] = "resume", ["reason"] = "Zahlung eingegangen" }, $"/support/gemeinden/{fixture.TownB}?handler=State");
        Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
        Assert.Equal(TenantState.Active, fixture.Factory.Service<TenantRegistry>().Find(fixture.TownB)!.State);

        var entries = await fixture.AuditAsync(fixture.TownB);
        var suspended = Assert.Single(entries, e => e.Action == "support.town.suspend");
        Assert.Equal("support", suspended.Kind);
        Assert.Equal("susi", suspended.Name);
        Assert.Equal($"Grund: {Reason}", suspended.Details);
        Assert.Single(entries, e => e.Action == "support.town.resume" && e.Details == "Grund: Zahlung eingegangen");
        // Nothing went into the other town's log, and the script in the reason is shown as text.
        Assert.Equal(auditA, (await fixture.AuditAsync(fixture.TownA)).Count);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_feature_removed_and_added_When_done_Then_the_town_changes_and_the_log_says_why()
    {
        var client = await fixture.SignedInAsync(fixture.Support);
        var detail = $"/support/gemeinden/{fixture.TownB}";

        var remove = await SupportFixture.PostFormAsync(client, detail, new() { ["feature"] = "news", ["enable"] = "false", ["reason"] = "Test ohne News" }, detail + "?handler=Feature");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.False(fixture.Factory.Service<TenantRegistry>().Find(fixture.TownB)!.HasFeature("news"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.TownClient("sp-b").GetAsync("/aktuelles")).StatusCode);

        var unknown = await SupportFixture.PostFormAsync(client, detail, new() { ["feature"] = "gibtsnicht", ["enable"] = "true", ["reason"] = "x" }, detail + "?handler=Feature");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var add = await SupportFixture.PostFormAsync(client, detail, new() { ["feature"] = "news", ["enable"] = "true", ["reason"] = "Wieder an" }, detail + "?handler=Feature");
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.True(fixture.Factory.Service<TenantRegistry>().Find(fixture.TownB)!.HasFeature("news"));
        var entries = await fixture.AuditAsync(fixture.TownB);
        Assert.Contains(entries, e => e.Action == "support.feature.removed" && e.Target == "news" && e.Details == "Grund: Test ohne News");
        Assert.Contains(entries, e => e.Action == "support.feature.added" && e.Target == "news");
    }

    [Theory]
    [InlineData("nicht gültig!", "Das ist kein gültiger Domainname")]
    [InlineData("sp-a.localhost", "Adressen unter der Plattform-Domain")]
    public async Task Given_a_bad_domain_When_added_Then_a_German_error(string host, string message)
    {
        var client = await fixture.SignedInAsync(fixture.Support);
        var detail = $"/support/gemeinden/{fixture.TownB}";

        var response = await SupportFixture.PostFormAsync(client, detail, new() { ["host"] = host, ["kind"] = "custom", ["reason"] = "Umzug" }, detail + "?handler=AddDomain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await SupportFixture.TextAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_new_domain_When_added_verified_and_removed_Then_it_answers_for_the_town_only_while_verified()
    {
        var client = await fixture.SignedInAsync(fixture.Support);
        var detail = $"/support/gemeinden/{fixture.TownB}";
        var registry = fixture.Factory.Service<TenantRegistry>();

        Assert.Equal(HttpStatusCode.Redirect, (await SupportFixture.PostFormAsync(client, detail,
            new() { ["host"] = "www.sp-b.example", ["kind"] = "custom", ["reason"] = "Eigene Domain" }, detail + "?handler=AddDomain")).StatusCode);
        Assert.Equal(HostMatchKind.NotFound, registry.Resolve("www.sp-b.example").Kind);

        Assert.Equal(HttpStatusCode.Redirect, (await SupportFixture.PostFormAsync(client, detail,
            new() { ["host"] = "www.sp-b.example", ["step"] = "verify", ["reason"] = "DNS geprüft" }, detail + "?handler=Domain")).StatusCode);
        Assert.Equal(fixture.TownB, registry.Resolve("www.sp-b.example").Tenant?.Id);

        var taken = await SupportFixture.PostFormAsync(client, $"/support/gemeinden/{fixture.TownA}",
            new() { ["host"] = "www.sp-b.example", ["kind"] = "custom", ["reason"] = "Versuch" }, $"/support/gemeinden/{fixture.TownA}?handler=AddDomain");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Diese Domain ist bereits vergeben.", await SupportFixture.TextAsync(taken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SupportFixture.PostFormAsync(client, detail,
            new() { ["host"] = "www.sp-b.example", ["step"] = "remove", ["reason"] = "Fehlgriff" }, detail + "?handler=Domain")).StatusCode);
        Assert.Equal(HostMatchKind.NotFound, registry.Resolve("www.sp-b.example").Kind);
        var entries = await fixture.AuditAsync(fixture.TownB);
        Assert.Contains(entries, e => e.Action == "support.domain.added");
        Assert.Contains(entries, e => e.Action == "support.domain.verified" && e.Details == "Grund: DNS geprüft");
        Assert.Contains(entries, e => e.Action == "support.domain.removed");
    }
}
