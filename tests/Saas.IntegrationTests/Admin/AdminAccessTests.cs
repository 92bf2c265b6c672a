using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Security;

namespace Saas.IntegrationTests.Admin;

/// <summary>
/// Every page under <c>/admin</c> (found from the app's own routes, so a page added later is covered
/// without touching this test) refuses anyone but a staff session of this town that passed the
/// second factor; TenantAdmin pages refuse editors.
/// </summary>
public sealed partial class AdminAccessTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    /// <summary>Sample values for route parameters of admin pages; a new parameter fails the sweep until it gets one.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase) { ["key"] = "impressum", ["id"] = "0190a1b2-0000-7000-8000-000000000001" };

    private IReadOnlyList<(string Path, bool TenantAdminOnly)> ProtectedPages()
    {
        var pages = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "admin" || raw.StartsWith("admin/", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (Path: "/" + string.Join('/', e.RoutePattern.PathSegments.Select(Segment)),
                TenantAdminOnly: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.TenantAdmin)))
            .Distinct()
            .ToList();
        Assert.Contains(pages, p => p.Path == "/admin/gestaltung");
        Assert.Contains(pages, p => p.Path == "/admin/seiten/impressum");
        return pages;
    }

    private static string Segment(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                Samples.TryGetValue(parameter.Name, out var value) ? value : throw new InvalidOperationException($"No sample value for route parameter '{parameter.Name}'; add one to {nameof(Samples)}."),
            _ => throw new InvalidOperationException("Unexpected route part."),
        }));

    [Fact]
    public async Task Given_no_session_When_any_admin_page_is_requested_or_posted_Then_it_sends_to_the_sign_in()
    {
        await AssertAllRefusedAsync(fixture.Client());
    }

    [Fact]
    public async Task Given_a_resident_session_When_any_admin_page_is_requested_Then_it_sends_to_the_sign_in()
    {
        await AssertAllRefusedAsync(await fixture.Client().AsResidentAsync(fixture.TownA, fixture.ResidentA.Id));
    }

    [Fact]
    public async Task Given_only_the_ticket_before_the_second_factor_When_any_admin_page_is_requested_Then_it_sends_to_the_sign_in()
    {
        await AssertAllRefusedAsync(await fixture.Client().AsPendingStaffAsync(fixture.TownA, fixture.AdminA.Id));
    }

    [Fact]
    public async Task Given_a_staff_session_without_the_second_factor_When_any_admin_page_is_requested_Then_it_is_refused()
    {
        await AssertAllRefusedAsync(await fixture.Client().AsStaffAsync(fixture.TownA, fixture.AdminA.Id, multiFactor: false), signIn: false);
    }

    [Fact]
    public async Task Given_a_staff_session_of_town_A_When_it_is_sent_to_town_B_Then_every_admin_page_sends_to_the_sign_in_and_shows_nothing_of_either_town()
    {
        var client = new AdminClient(fixture.Factory, AdminFixture.HostB);
        var staffA = await fixture.AdminOfAAsync();
        client.WithCookie(Host.Accounts.AccountSchemes.Cookies.Staff, staffA.CookieValue(Host.Accounts.AccountSchemes.Cookies.Staff)!);

        await AssertAllRefusedAsync(client);
    }

    [Fact]
    public async Task Given_an_editor_When_a_TenantAdmin_page_is_requested_or_posted_Then_403_and_nothing_changes()
    {
        var editor = await fixture.EditorOfAAsync();
        var adminOnly = ProtectedPages().Where(p => p.TenantAdminOnly).Select(p => p.Path).ToList();
        Assert.Contains("/admin/benutzer", adminOnly);
        Assert.Contains("/admin/protokoll", adminOnly);

        foreach (var path in adminOnly)
        {
            var response = await editor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/fehler/403", StringComparison.Ordinal),
                $"GET {path} as editor: {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(response.Headers.Location!.OriginalString)).StatusCode);
        }
        var theme = fixture.Factory.Service<Host.Tenancy.TenantRegistry>().Find(fixture.TownA)!.Theme;
        var post = await editor.PostToAsync("/admin", "/admin/gestaltung", ("Theme", "landlich"), ("PrimaryColor", "#000000"), ("SecondaryColor", "#000000"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/fehler/403", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(theme, fixture.Factory.Service<Host.Tenancy.TenantRegistry>().Find(fixture.TownA)!.Theme);
    }

    [Fact]
    public async Task Given_a_TenantAdmin_When_any_admin_page_is_shown_Then_every_form_that_posts_carries_the_antiforgery_token()
    {
        // A post without the token is refused with 400 in a real browser (tests posting with a token
        // taken from elsewhere on the page would not notice): a form with its own action attribute
        // only gets the token when it asks for it.
        var admin = await fixture.AdminOfAAsync();
        var checkedForms = 0;
        foreach (var (path, _) in ProtectedPages())
        {
            var response = await admin.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue; // sample ids that name nothing, or handler-only routes
            }
            foreach (Match form in PostForm().Matches(await response.Content.ReadAsStringAsync()))
            {
                checkedForms++;
                Assert.True(form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal),
                    $"{path}: a form posts without the antiforgery token: {form.Value[..Math.Min(160, form.Value.Length)]}");
            }
        }
        Assert.True(checkedForms > 10, $"only {checkedForms} forms found");
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[\\s\\S]*?</form>", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [Fact]
    public async Task Given_an_editor_When_the_menu_is_shown_Then_it_lists_only_what_the_role_may_use()
    {
        var editor = await fixture.EditorOfAAsync();
        var admin = await fixture.AdminOfAAsync();

        var editorMenu = await editor.GetPageAsync("/admin");
        var adminMenu = await admin.GetPageAsync("/admin");

        Assert.Contains("href=\"/admin/seiten\"", editorMenu);
        Assert.DoesNotContain("href=\"/admin/gestaltung\"", editorMenu);
        Assert.DoesNotContain("href=\"/admin/benutzer\"", editorMenu);
        Assert.Contains("href=\"/admin/gestaltung\"", adminMenu);
        Assert.Contains("href=\"/admin/benutzer\"", adminMenu);
        Assert.Contains("href=\"/admin/protokoll\"", adminMenu);
    }

    [Fact]
    public async Task Given_the_administrator_of_town_A_When_the_dashboard_is_shown_Then_it_has_the_towns_real_figures()
    {
        var admin = await fixture.AdminOfAAsync();

        var html = await admin.GetPageAsync("/admin");

        Assert.Contains("Einwohnerkonten", html);
        Assert.Contains("Veröffentlichte Meldungen", html);
        Assert.DoesNotContain("adm-b", html);
    }

    private async Task AssertAllRefusedAsync(AdminClient client, bool signIn = true)
    {
        foreach (var (path, _) in ProtectedPages())
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var request = new HttpRequestMessage(method, path);
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent([new("Theme", "modern")]);
                }
                var response = await client.Http.SendAsync(request);
                var location = response.Headers.Location?.OriginalString ?? "";
                var refused = response.StatusCode == HttpStatusCode.Redirect
                    && (location.StartsWith("/admin/anmelden", StringComparison.Ordinal) || (!signIn && location.StartsWith("/fehler/403", StringComparison.Ordinal)));
                Assert.True(refused, $"{method} {path} on {client.Host}: {(int)response.StatusCode} {location}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("chefin@adm-a.example", body);
            }
        }
    }
}
