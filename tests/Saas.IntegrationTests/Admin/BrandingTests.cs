using System.Net;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Admin;

/// <summary>Theme and colours: refused colours change nothing and say why; accepted ones reach residents at once.</summary>
public sealed class BrandingTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private TenantRegistry Registry => fixture.Factory.Service<TenantRegistry>();

    [Fact]
    public async Task Given_a_primary_colour_with_too_little_contrast_When_saving_Then_nothing_is_stored_and_the_form_shows_the_measured_ratio()
    {
        var admin = await fixture.AdminOfAAsync();
        var before = Registry.Find(fixture.TownA)!;

        var response = await admin.PostFormAsync("/admin/gestaltung",
            ("Theme", before.Theme == "modern" ? "landlich" : "modern"), ("PrimaryColor", "#ffd700"), ("SecondaryColor", before.Branding.SecondaryColor));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hauptfarbe: Der Kontrast zu Weiß beträgt nur 1,4:1, nötig sind mindestens 4,5:1", html);
        var after = Registry.Find(fixture.TownA)!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Theme, after.Theme);
        Assert.Equal(before.Branding, after.Branding);
    }

    [Fact]
    public async Task Given_a_colour_that_is_not_a_colour_When_saving_Then_a_clear_message_and_nothing_changes()
    {
        var admin = await fixture.AdminOfAAsync();
        var before = Registry.Find(fixture.TownA)!;

        var response = await admin.PostFormAsync("/admin/gestaltung", ("Theme", before.Theme), ("PrimaryColor", "<script>alert(1)</script>"), ("SecondaryColor", "#9a7b00"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hauptfarbe: Bitte geben Sie die Farbe als Hex-Wert an", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Equal(before.Version, Registry.Find(fixture.TownA)!.Version);
    }

    [Fact]
    public async Task Given_the_preview_button_When_colours_are_posted_Then_they_are_shown_but_not_stored()
    {
        var admin = await fixture.AdminOfAAsync();
        var before = Registry.Find(fixture.TownA)!;

        var response = await admin.PostToAsync("/admin/gestaltung", "/admin/gestaltung?handler=Preview", ("Theme", before.Theme), ("PrimaryColor", "#7a1e48"), ("SecondaryColor", "#5a6e00"));
        var html = await response.Content.ReadAsStringAsync();
        var css = await (await admin.GetAsync("/admin/gestaltung?handler=PreviewCss&primary=%237a1e48&secondary=%235a6e00")).Content.ReadAsStringAsync();

        Assert.Contains("handler=PreviewCss&amp;primary=%237a1e48", html);
        Assert.Contains("--pv-primary: #7a1e48", css);
        Assert.Equal(before.Version, Registry.Find(fixture.TownA)!.Version);
    }

    [Fact]
    public async Task Given_new_theme_and_colours_When_saved_Then_the_residents_home_page_shows_them_right_away_and_the_audit_log_has_it()
    {
        var town = await TestTowns.CreateAsync(fixture.Factory, $"brand-{Guid.NewGuid():N}"[..20]);
        var host = $"{Registry.Find(town)!.Slug}.localhost";
        var admin = await TestAccounts.CreateAsync(fixture.Factory, town, "chefin@brand.example", Kernel.Security.Roles.TenantAdmin);
        var client = await new AdminClient(fixture.Factory, host).AsStaffAsync(town, admin.Id);
        var resident = fixture.Factory.ClientFor(host);
        var homeBefore = await resident.GetStringAsync("/"); // now in the output cache
        Assert.Contains("class=\"theme-klassisch\"", homeBefore);

        var response = await client.PostFormAsync("/admin/gestaltung", ("Theme", "landlich"), ("PrimaryColor", "#7a1e48"), ("SecondaryColor", "#5a6e00"));

        Assert.Equal("/admin/gestaltung?gespeichert=true", response.Headers.Location!.OriginalString);
        var home = await resident.GetStringAsync("/");
        Assert.Contains("class=\"theme-landlich\"", home);
        var brandCss = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/brand\\.css\\?v=[0-9]+)\"").Groups[1].Value;
        Assert.Contains("--brand-primary: #7a1e48", await resident.GetStringAsync(brandCss));
        var audit = await fixture.AuditAsync(town);
        Assert.Contains(audit, e => e.Action == "admin.branding.theme" && e.ActorName == "chefin" && e.ActorKind == "staff" && e.Address is not null);
        Assert.Contains(audit, e => e.Action == "admin.branding.colors" && e.Details!.Contains("#7a1e48", StringComparison.Ordinal));
    }
}
