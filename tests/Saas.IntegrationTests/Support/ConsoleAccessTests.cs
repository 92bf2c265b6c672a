using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Accounts;

namespace Saas.IntegrationTests.Support;

/// <summary>Who gets into the console, and where it exists at all.</summary>
[Collection(SupportCollection.Name)]
public sealed class ConsoleAccessTests(SupportFixture fixture)
{
    public static TheoryData<string> ConsolePages => new()
    {
        "/support/gemeinden",
        "/support/team",
        "/support/gemeinden/00000000-0000-0000-0000-000000000001",
        "/support/hangfire",
    };

    [Theory]
    [MemberData(nameof(ConsolePages))]
    public async Task Given_no_session_When_a_console_page_is_requested_Then_it_is_refused(string path)
    {
        var response = await fixture.PlatformClient().GetAsync(path);

        if (path == "/support/hangfire")
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/support/anmelden", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/support/anmelden")]
    [InlineData("/support/gemeinden")]
    [InlineData("/support/hangfire")]
    [InlineData("/support/einladung")]
    public async Task Given_a_town_host_When_a_console_path_is_requested_Then_it_does_not_exist(string path)
    {
        var response = await fixture.TownClient("sp-a").GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Support", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_password_but_no_second_factor_When_the_console_is_requested_Then_it_is_refused()
    {
        var client = fixture.PlatformClient();
        var password = await SupportFixture.PostFormAsync(client, "/support/anmelden",
            new() { ["Email"] = fixture.Support.Email, ["Password"] = fixture.Support.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);

        var list = await client.GetAsync("/support/gemeinden");

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/support/anmelden", list.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_wrong_code_When_submitted_Then_a_German_error_and_no_session()
    {
        var client = fixture.PlatformClient();
        await SupportFixture.PostFormAsync(client, "/support/anmelden", new() { ["Email"] = fixture.Support.Email, ["Password"] = fixture.Support.Password });

        var code = await SupportFixture.PostFormAsync(client, "/support/anmelden/code", new() { ["Code"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
        Assert.Contains("Der Code stimmt nicht oder wurde schon benutzt.", await code.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/support/gemeinden")).StatusCode);
    }

    [Fact]
    public async Task Given_a_town_staff_session_When_its_cookie_is_sent_to_the_console_Then_it_is_refused()
    {
        // A TenantAdmin of town A signs in on the town's host (password + second factor) ...
        var town = fixture.TownClient("sp-a");
        var staffCookie = await StaffCookieAsync();
        var console = fixture.PlatformClient();

        // ... and carries the cookie to the platform host, under its own name and the support cookie's.
        var request = new HttpRequestMessage(HttpMethod.Get, "/support/gemeinden");
        request.Headers.Add("Cookie", $"{AccountSchemes.Cookies.Staff}={staffCookie}; {AccountSchemes.Cookies.Support}={staffCookie}");
        var response = await console.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/support/anmelden", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotNull(town);
    }

    [Fact]
    public async Task Given_a_support_session_When_its_cookie_is_sent_to_a_town_host_Then_it_signs_nobody_in()
    {
        var console = await fixture.SignedInAsync(fixture.Support);
        var supportCookie = fixture.LastSupportCookie!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await console.GetAsync("/support/gemeinden")).StatusCode);

        var anonymous = await fixture.TownClient("sp-a").GetAsync("/");
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{AccountSchemes.Cookies.Support}={supportCookie}; {AccountSchemes.Cookies.Staff}={supportCookie}; {AccountSchemes.Cookies.Town}={supportCookie}");
        var page = await fixture.TownClient("sp-a").SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        // The ticket, presented under every cookie name of the town, is rejected (it cannot be
        // decrypted for another scheme, and names no town): the page is exactly the anonymous one.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Support-Zugang", html, StringComparison.Ordinal);
        Assert.Equal(await anonymous.Content.ReadAsStringAsync(), html);
    }

    [Fact]
    public async Task Given_a_Support_engineer_When_the_team_page_or_dashboard_is_requested_Then_403_and_SupportAdmin_gets_200()
    {
        var support = await fixture.SignedInAsync(fixture.Support);
        var admin = await fixture.SignedInAsync(fixture.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await support.GetAsync("/support/hangfire")).StatusCode);
        var team = await support.GetAsync("/support/team");
        Assert.Equal(HttpStatusCode.Redirect, team.StatusCode);
        Assert.Contains("/fehler/403", team.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var dashboard = await admin.GetAsync("/support/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("unsafe-inline", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/support/team")).StatusCode);
        // Only the dashboard's path gets the relaxed policy.
        Assert.DoesNotContain("unsafe-inline", (await admin.GetAsync("/support/gemeinden")).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_signed_in_engineer_When_disabled_by_an_admin_Then_the_session_ends()
    {
        var member = await Saas.IntegrationTests.Infrastructure.TestAccounts.CreateSupportAsync(fixture.Factory, "dora@support.example");
        var session = await fixture.SignedInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/support/gemeinden")).StatusCode);
        var admin = await fixture.SignedInAsync(fixture.Admin);

        var disable = await SupportFixture.PostFormAsync(admin, "/support/team",
            new() { ["id"] = member.Id.ToString(), ["disable"] = "true" }, "/support/team?handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/support/gemeinden")).StatusCode);
    }

    private async Task<string> StaffCookieAsync()
    {
        // The town's own sign-in pages belong to another part of the product; the ticket is made
        // the way a completed staff sign-in makes it, and sealed by the Staff scheme's own protector.
        var client = fixture.TownClient("sp-a");
        var account = await Saas.IntegrationTests.Infrastructure.TestTowns.AsTownAsync(fixture.Factory, fixture.TownA, async services =>
            await services.GetRequiredService<UserManager<Account>>().FindByIdAsync(fixture.TownAdminA.Id.ToString()));
        var principal = SessionPrincipal.For(account!, fixture.TownA, AccountSchemes.Staff, fixture.Clock.GetUtcNow(), multiFactor: true);
        var options = fixture.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get(AccountSchemes.Staff);
        var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, AccountSchemes.Staff);
        Assert.NotNull(client);
        return options.TicketDataFormat.Protect(ticket);
    }
}
