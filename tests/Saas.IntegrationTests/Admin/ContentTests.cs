using System.Net;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;

namespace Saas.IntegrationTests.Admin;

/// <summary>Core pages, contact and opening hours: saved changes reach residents at once; markup typed in any field stays text.</summary>
public sealed class ContentTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string Script = "<script>alert('x')</script>";
    private const string EncodedScript = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;";

    [Fact]
    public async Task Given_an_editor_When_the_welcome_text_is_saved_Then_the_home_page_shows_it_at_once_with_script_as_text()
    {
        var (town, host, editor) = await NewTownAsync(Roles.Editor);
        var resident = fixture.Factory.ClientFor(host);
        Assert.DoesNotContain("Neu im Rathaus", await resident.GetStringAsync("/")); // cached now

        var response = await editor.PostFormAsync("/admin/seiten/welcome",
            ("PageTitle", $"Neu im Rathaus {Script}"), ("Body", $"Hallo **Welt** {Script} <img src=x onerror=alert(1)>"));

        Assert.Equal("/admin/seiten/welcome?gespeichert=true", response.Headers.Location!.OriginalString);
        var home = await resident.GetStringAsync("/");
        Assert.Contains($"Neu im Rathaus {EncodedScript}", home);
        Assert.Contains("<strong>Welt</strong>", home);
        Assert.DoesNotContain("<script>alert", home);
        Assert.DoesNotContain("<img src=x onerror", home); // shown as text, never as an element
        var audit = await fixture.AuditAsync(town);
        Assert.Contains(audit, e => e.Action == "admin.page.saved" && e.ActorKind == "staff" && e.Address is not null);
    }

    [Fact]
    public async Task Given_the_preview_button_When_a_page_is_posted_Then_it_renders_sanitized_and_stores_nothing()
    {
        var (_, host, editor) = await NewTownAsync(Roles.Editor);

        var response = await editor.PostToAsync("/admin/seiten/impressum", "/admin/seiten/impressum?handler=Preview", ("PageTitle", "Impressum"), ("Body", $"## Vorschau {Script}"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vorschau (noch nicht gespeichert)", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("Vorschau", await fixture.Factory.ClientFor(host).GetStringAsync("/impressum"));
    }

    [Fact]
    public async Task Given_an_empty_body_When_a_legal_page_is_saved_Then_a_message_and_the_page_keeps_its_text()
    {
        var (_, host, editor) = await NewTownAsync(Roles.Editor);

        var response = await editor.PostFormAsync("/admin/seiten/datenschutz", ("PageTitle", "Datenschutz"), ("Body", "   "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Text: Bitte ausfüllen", await response.Content.ReadAsStringAsync());
        Assert.Contains("Datenschutz of", await fixture.Factory.ClientFor(host).GetStringAsync("/datenschutz"));
    }

    [Fact]
    public async Task Given_new_contact_details_with_markup_When_saved_Then_every_resident_page_shows_them_as_text()
    {
        var (town, host, admin) = await NewTownAsync(Roles.TenantAdmin);
        var resident = fixture.Factory.ClientFor(host);
        await resident.GetStringAsync("/kontakt");

        var response = await admin.PostFormAsync("/admin/seiten/kontakt",
            ("authority", $"Amt {Script}"), ("street", "Markt 1"), ("postalCode", "14806"), ("city", "Belzig <b>x</b>"),
            ("phone", "033841 123-0"), ("email", "rathaus@example.org"), ("accessibilityEmail", ""));

        Assert.Equal("/admin/seiten/kontakt?gespeichert=true", response.Headers.Location!.OriginalString);
        var page = await resident.GetStringAsync("/kontakt");
        Assert.Contains($"Amt {EncodedScript}", page);
        Assert.Contains("Belzig &lt;b&gt;x&lt;/b&gt;", page);
        Assert.Equal("rathaus@example.org", fixture.Factory.Service<TenantRegistry>().Find(town)!.Contact.Email);
        Assert.Contains(await fixture.AuditAsync(town), e => e.Action == "admin.contact.saved");
    }

    [Fact]
    public async Task Given_a_wrong_postal_code_When_contact_is_saved_Then_a_field_message_and_the_registry_is_unchanged()
    {
        var (town, _, admin) = await NewTownAsync(Roles.TenantAdmin);
        var before = fixture.Factory.Service<TenantRegistry>().Find(town)!;

        var response = await admin.PostFormAsync("/admin/seiten/kontakt",
            ("authority", "Amt"), ("street", "Markt 1"), ("postalCode", "148"), ("city", "Belzig"), ("phone", ""), ("email", "kein-at"), ("accessibilityEmail", ""));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Postleitzahl: genau fünf Ziffern", html);
        Assert.Contains("E-Mail-Adresse: Bitte geben Sie eine E-Mail-Adresse an", html);
        Assert.Equal(before.Version, fixture.Factory.Service<TenantRegistry>().Find(town)!.Version);
    }

    [Fact]
    public async Task Given_opening_hours_rows_When_saved_Then_the_contact_page_shows_them_at_once_and_the_note_as_text()
    {
        var (town, host, editor) = await NewTownAsync(Roles.Editor);
        var resident = fixture.Factory.ClientFor(host);
        await resident.GetStringAsync("/kontakt");

        var response = await editor.PostFormAsync("/admin/seiten/oeffnungszeiten",
            ("Rows[0].Day", "2"), ("Rows[0].Opens", "08:30"), ("Rows[0].Closes", "12:00"), ("Rows[0].Note", $"Bürgerbüro {Script}"),
            ("Rows[1].Day", "2"), ("Rows[1].Opens", "13:00"), ("Rows[1].Closes", "18:00"), ("Rows[1].Note", ""));

        Assert.Equal("/admin/seiten/oeffnungszeiten?gespeichert=true", response.Headers.Location!.OriginalString);
        var page = await resident.GetStringAsync("/kontakt");
        Assert.Contains("08:30–12:00 Uhr", page);
        Assert.Contains("13:00–18:00 Uhr", page);
        Assert.Contains($"Bürgerbüro {EncodedScript}", page);
        Assert.DoesNotContain("09:00–12:00", page); // the recipe's Monday slot is gone
        Assert.Contains(await fixture.AuditAsync(town), e => e.Action == "admin.hours.saved" && e.Details!.Contains("Dienstag 08:30–12:00", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12:00", "08:00", "Das Ende (08:00) muss nach dem Beginn (12:00) liegen")]
    [InlineData("25:00", "26:00", "Bitte geben Sie Beginn und Ende als Uhrzeit an")]
    [InlineData("09:00", "", "Bitte geben Sie Beginn und Ende als Uhrzeit an")]
    public async Task Given_an_impossible_time_When_opening_hours_are_saved_Then_a_message_and_the_old_hours_stay(string opens, string closes, string message)
    {
        var (_, host, editor) = await NewTownAsync(Roles.Editor);

        var response = await editor.PostFormAsync("/admin/seiten/oeffnungszeiten", ("Rows[0].Day", "1"), ("Rows[0].Opens", opens), ("Rows[0].Closes", closes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Contains("09:00–12:00 Uhr", await fixture.Factory.ClientFor(host).GetStringAsync("/kontakt"));
    }

    [Fact]
    public async Task Given_overlapping_slots_on_one_day_When_saved_Then_refused()
    {
        var (_, _, editor) = await NewTownAsync(Roles.Editor);

        var response = await editor.PostFormAsync("/admin/seiten/oeffnungszeiten",
            ("Rows[0].Day", "3"), ("Rows[0].Opens", "08:00"), ("Rows[0].Closes", "12:00"),
            ("Rows[1].Day", "3"), ("Rows[1].Opens", "11:00"), ("Rows[1].Closes", "15:00"));

        Assert.Contains("überschneidet sich mit einer anderen Zeile am Mittwoch", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_the_add_row_button_When_pressed_Then_a_blank_row_appears_and_nothing_is_saved()
    {
        var (_, host, editor) = await NewTownAsync(Roles.Editor);

        var response = await editor.PostToAsync("/admin/seiten/oeffnungszeiten", "/admin/seiten/oeffnungszeiten?handler=Add",
            ("Rows[0].Day", "1"), ("Rows[0].Opens", "07:00"), ("Rows[0].Closes", "09:00"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Rows[1].Day\"", html);
        Assert.Contains("value=\"07:00\"", html);
        Assert.DoesNotContain("07:00", await fixture.Factory.ClientFor(host).GetStringAsync("/kontakt"));
    }

    /// <summary>A town of its own (so cached pages and audit entries are the test's alone) with one staff member signed in.</summary>
    private async Task<(Guid Town, string Host, AdminClient Staff)> NewTownAsync(string role)
    {
        var slug = $"inhalt-{Guid.NewGuid():N}"[..22];
        var town = await TestTowns.CreateAsync(fixture.Factory, slug);
        var account = await TestAccounts.CreateAsync(fixture.Factory, town, $"staff@{slug}.example", role);
        var host = $"{slug}.localhost";
        return (town, host, await new AdminClient(fixture.Factory, host).AsStaffAsync(town, account.Id));
    }
}
