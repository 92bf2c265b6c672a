using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Accounts;
using Saas.Host.Support.Access;

namespace Saas.IntegrationTests.Support;

/// <summary>"Log in as": a grant with a reason, a single-use token for one town, 30 minutes, a banner, an exit, an audit trail.</summary>
[Collection(SupportCollection.Name)]
public sealed class SupportAccessTests(SupportFixture fixture)
{
    /// <summary>Starts access to town A from the console; returns the town-side address with the token.</summary>
    private async Task<Uri> StartAsync(string reason = "Ticket 17: Startseite prüfen")
    {
        var console = await fixture.SignedInAsync(fixture.Support);
        var page = $"/support/gemeinden/{fixture.TownA}/zugang";
        var response = await SupportFixture.PostFormAsync(console, page, new() { ["Reason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!;
        Assert.Equal("sp-a.localhost", target.Host);
        Assert.Equal("/admin/support-zugang", target.AbsolutePath);
        return target;
    }

    private static string PathAndQuery(Uri uri) => uri.PathAndQuery;

    [Fact]
    public async Task Given_no_reason_When_access_is_started_Then_a_German_error_and_no_grant()
    {
        var console = await fixture.SignedInAsync(fixture.Support);
        var grants = await GrantCountAsync();

        var response = await SupportFixture.PostFormAsync(console, $"/support/gemeinden/{fixture.TownA}/zugang", new() { ["Reason"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bitte geben Sie einen Grund an.", await SupportFixture.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(grants, await GrantCountAsync());
    }

    [Fact]
    public async Task Given_a_token_for_town_A_When_used_on_town_Bs_host_Then_refused_and_it_still_works_on_A()
    {
        var target = await StartAsync();
        var onB = fixture.TownClient("sp-b");

        var refused = await onB.GetAsync(PathAndQuery(target));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(SupportFixture.Cookie(refused, AccountSchemes.Cookies.Staff));
        Assert.DoesNotContain("Support-Zugang: susi", await (await onB.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var onA = await fixture.TownClient("sp-a").GetAsync(PathAndQuery(target));
        Assert.Equal(HttpStatusCode.Redirect, onA.StatusCode);
    }

    [Fact]
    public async Task Given_a_used_token_When_replayed_Then_refused()
    {
        var target = await StartAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.TownClient("sp-a").GetAsync(PathAndQuery(target))).StatusCode);

        var replay = await fixture.TownClient("sp-a").GetAsync(PathAndQuery(target));

        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Contains("wurde schon benutzt", await SupportFixture.TextAsync(replay), StringComparison.Ordinal);
        Assert.Null(SupportFixture.Cookie(replay, AccountSchemes.Cookies.Staff));
    }

    [Fact]
    public async Task Given_a_token_older_than_two_minutes_When_used_Then_refused()
    {
        var target = await StartAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));

        var late = await fixture.TownClient("sp-a").GetAsync(PathAndQuery(target));

        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
    }

    [Fact]
    public async Task Given_support_access_When_the_town_is_visited_Then_the_banner_shows_who_why_and_until_and_the_start_is_logged()
    {
        var target = await StartAsync("Ticket 18: <b>Menü</b> fehlt");
        var town = fixture.TownClient("sp-a");

        var start = await town.GetAsync(PathAndQuery(target));
        var raw = await (await town.GetAsync("/")).Content.ReadAsStringAsync();
        var home = System.Net.WebUtility.HtmlDecode(raw);

        Assert.Equal("/admin", start.Headers.Location!.OriginalString);
        Assert.DoesNotContain("<b>Menü</b>", raw, StringComparison.Ordinal);
        Assert.Contains("Support-Zugang: susi", home, StringComparison.Ordinal);
        Assert.Contains("Grund: Ticket 18: <b>Menü</b> fehlt", home, StringComparison.Ordinal);
        Assert.Matches(@"endet um \d\d:\d\d Uhr", home);
        Assert.Contains("Zugang beenden", home, StringComparison.Ordinal);
        var entries = await fixture.AuditAsync(fixture.TownA);
        Assert.Contains(entries, e => e.Action == "support.access.granted" && e.Kind == "support" && e.Details == "Grund: Ticket 18: <b>Menü</b> fehlt");
        Assert.Contains(entries, e => e.Action == "support.access.started" && e.Kind == "support" && e.Name == "susi");
        // A resident in another browser never sees the banner (and never gets the page from a cache that has it).
        Assert.DoesNotContain("Support-Zugang", await (await fixture.TownClient("sp-a").GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_support_access_When_30_minutes_have_passed_Then_the_session_is_over()
    {
        var target = await StartAsync();
        var town = fixture.TownClient("sp-a");
        await town.GetAsync(PathAndQuery(target));

        foreach (var minutes in new[] { 10, 10, 9 })
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(minutes));
            Assert.Contains("Zugang beenden", await (await town.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.DoesNotContain("Zugang beenden", await (await town.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_support_access_When_ended_from_the_banner_Then_the_session_ends_everywhere_and_the_log_says_so()
    {
        var target = await StartAsync();
        var town = fixture.TownClient("sp-a");
        var start = await town.GetAsync(PathAndQuery(target));
        var staffCookie = SupportFixture.Cookie(start, AccountSchemes.Cookies.Staff)!;
        var home = await (await town.GetAsync("/")).Content.ReadAsStringAsync();

        var end = await town.PostAsync("/admin/support-zugang?handler=End", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SupportFixture.AntiforgeryToken(home),
        }));

        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        Assert.Equal($"https://localhost/support/gemeinden/{fixture.TownA}?zugang=beendet", end.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Zugang beenden", await (await town.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The same cookie, kept by someone else, is dead too: the grant has ended.
        var copied = new HttpRequestMessage(HttpMethod.Get, "/");
        copied.Headers.Add("Cookie", $"{AccountSchemes.Cookies.Staff}={staffCookie}");
        Assert.DoesNotContain("Zugang beenden", await (await fixture.TownClient("sp-a").SendAsync(copied)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await fixture.AuditAsync(fixture.TownA), e => e.Action == "support.access.ended" && e.Kind == "support" && e.Name == "susi");
    }

    private async Task<int> GrantCountAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportGrantsDbContext>().Grants.CountAsync();
    }
}
