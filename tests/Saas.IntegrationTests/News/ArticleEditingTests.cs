using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Saas.IntegrationTests.News;

/// <summary>Writing articles as staff: script stays text everywhere, conflicts lose nothing, a double submit makes one article.</summary>
[Collection(NewsEditorCollection.Name)]
public sealed class ArticleEditingTests(NewsEditorFixture town)
{
    [Fact]
    public async Task Given_script_in_title_teaser_and_body_When_published_Then_every_resident_page_feed_and_the_api_show_it_as_text()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        const string title = "<script>alert('titel')</script> Brunnenfest";
        const string teaser = "<img src=x onerror=alert('teaser')> Alle sind eingeladen";
        const string body = "<script>alert('text')</script>\n\n<iframe src=\"https://evil.example\"></iframe> [Klick](javascript:alert('link'))";
        var saved = await StaffSession.PostAsync(editor, "/admin/aktuelles/neu", new()
        {
            ["Input.FormId"] = Guid.CreateVersion7().ToString(), ["Input.Title"] = title, ["Input.Teaser"] = teaser, ["Input.Body"] = body,
            ["Input.Slug"] = "brunnenfest", ["Input.Urgent"] = "true",
            ["Input.PublishAt"] = NewsEditorFixture.LocalInput(town.Clock.GetUtcNow().AddMinutes(-1)),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editPage = await editor.GetStringAsync(saved.Headers.Location!.OriginalString);

        var resident = town.Factory.ClientFor(NewsEditorFixture.HostA);
        var pages = new Dictionary<string, string>
        {
            ["home"] = await resident.GetStringAsync("/"),
            ["list"] = await resident.GetStringAsync("/aktuelles"),
            ["article"] = await resident.GetStringAsync("/aktuelles/brunnenfest"),
            ["rss"] = await resident.GetStringAsync("/aktuelles/rss.xml"),
            ["atom"] = await resident.GetStringAsync("/aktuelles/atom.xml"),
            ["editor"] = editPage,
        };
        foreach (var (name, page) in pages)
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", page, StringComparison.OrdinalIgnoreCase);
            Assert.True(page.Contains("&lt;script&gt;alert(", StringComparison.Ordinal), $"{name} does not show the title's script as text");
        }
        Assert.DoesNotContain("javascript:", pages["article"], StringComparison.OrdinalIgnoreCase);

        var list = JsonDocument.Parse(await resident.GetStringAsync("/api/v1/news"));
        var item = list.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == "brunnenfest");
        Assert.Equal(title, item.GetProperty("title").GetString()); // kept as typed, for the app to show as text
        var detail = await resident.GetStringAsync($"/api/v1/news/{item.GetProperty("id").GetString()}");
        var html = JsonDocument.Parse(detail).RootElement.GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_two_editors_on_the_same_article_When_both_save_Then_the_second_is_told_and_keeps_their_text_and_nothing_is_lost()
    {
        var first = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var second = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.SecondEditorA, town.Clock);
        var id = Guid.CreateVersion7();
        await StaffSession.PostAsync(first, "/admin/aktuelles/neu", new()
        {
            ["Input.FormId"] = id.ToString(), ["Input.Title"] = "Haushalt 2027", ["Input.Teaser"] = "Entwurf", ["Input.Body"] = "Erste Fassung.",
        });
        var path = $"/admin/aktuelles/{id}";
        var pageOfFirst = await first.GetStringAsync(path);
        var pageOfSecond = await second.GetStringAsync(path);
        Dictionary<string, string> Form(string page, string body) => new()
        {
            ["Input.Version"] = StaffSession.Field(page, "Input.Version")!, ["Input.Title"] = "Haushalt 2027", ["Input.Teaser"] = "Entwurf", ["Input.Body"] = body,
        };

        var firstSave = await StaffSession.PostAsync(first, path, Form(pageOfFirst, "Fassung der Kämmerei."));
        var secondSave = await StaffSession.PostAsync(second, path, Form(pageOfSecond, "Fassung des Bürgermeisters."));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var conflictPage = WebUtility.HtmlDecode(await secondSave.Content.ReadAsStringAsync());
        Assert.Contains("inzwischen jemand anderes gespeichert", conflictPage, StringComparison.Ordinal);
        Assert.Contains("Fassung des Bürgermeisters.", conflictPage, StringComparison.Ordinal); // their text, still in the form
        Assert.Contains("Fassung der Kämmerei.", conflictPage, StringComparison.Ordinal);        // the stored version beside it
        Assert.Equal("Fassung der Kämmerei.", await BodyAsync(id));

        // Having seen both, the second editor saves again on purpose: now it goes through.
        var again = await StaffSession.PostAsync(second, path, Form(conflictPage, "Fassung der Kämmerei. Ergänzt vom Bürgermeister."));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Fassung der Kämmerei. Ergänzt vom Bürgermeister.", await BodyAsync(id));
    }

    [Fact]
    public async Task Given_the_new_article_form_When_it_is_sent_twice_also_at_once_Then_one_article_exists()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var page = await editor.GetStringAsync("/admin/aktuelles/neu");
        var formId = StaffSession.Field(page, "Input.FormId")!;
        var token = await StaffSession.TokenAsync(editor, "/admin/aktuelles/neu");
        HttpContent Form() => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.FormId"] = formId, ["Input.Title"] = "Laternenumzug", ["Input.Teaser"] = "Am 11.11.", ["Input.Body"] = "Treffpunkt Kirche.",
        });

        var together = await Task.WhenAll(editor.PostAsync("/admin/aktuelles/neu", Form()), editor.PostAsync("/admin/aktuelles/neu", Form()));
        var later = await editor.PostAsync("/admin/aktuelles/neu", Form());

        Assert.All(together.Append(later), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(together.Append(later), r => Assert.StartsWith($"/admin/aktuelles/{formId}", r.Headers.Location!.OriginalString));
        Assert.Equal(1, await town.InTownAsync(town.TownA, db => db.Articles.CountAsync(a => a.Title == "Laternenumzug")));
    }

    [Fact]
    public async Task Given_bad_input_When_saved_Then_the_form_says_what_is_wrong_in_german_and_nothing_is_stored()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var before = await town.InTownAsync(town.TownA, db => db.Articles.CountAsync());
        var response = await StaffSession.PostAsync(editor, "/admin/aktuelles/neu", new()
        {
            ["Input.FormId"] = Guid.CreateVersion7().ToString(), ["Input.Title"] = "", ["Input.Teaser"] = new string('x', 501), ["Input.Body"] = "Text",
            ["Input.Slug"] = "Mit Leerzeichen!", ["Input.PublishAt"] = "2026-13-45T99:99", ["Input.UnpublishAt"] = "2027-03-28T02:30",
            ["Input.CategoryId"] = town.CategoryB.ToString(), ["Input.UrgentUntil"] = "2027-01-01T10:00",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var message in new[]
        {
            "Bitte geben Sie einen Titel ein.", "Der Kurztext darf höchstens 500 Zeichen lang sein.", "Die Adresse darf nur Kleinbuchstaben",
            "Bitte geben Sie ein gültiges Datum mit Uhrzeit an", "wegen der Umstellung auf Sommerzeit nicht", "Diese Kategorie gibt es nicht",
            "Ein Ende der Eilmeldung gibt es nur für Eilmeldungen",
        })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await town.InTownAsync(town.TownA, db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Given_an_article_When_it_is_published_now_and_deleted_Then_each_step_is_in_the_audit_log_with_its_title()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var id = Guid.CreateVersion7();
        await StaffSession.PostAsync(editor, "/admin/aktuelles/neu", new()
        {
            ["Input.FormId"] = id.ToString(), ["Input.Title"] = "Wahlhelfer gesucht", ["Input.Teaser"] = "Melden Sie sich.", ["Input.Body"] = "Im Bürgerbüro.",
        });
        var path = $"/admin/aktuelles/{id}";
        var published = await StaffSession.PostAsync(editor, $"{path}?handler=Veroeffentlichen", new() { ["Input.Version"] = StaffSession.Field(await editor.GetStringAsync(path), "Input.Version")! }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Wahlhelfer gesucht", await town.Factory.ClientFor(NewsEditorFixture.HostA).GetStringAsync("/aktuelles"));
        var deletePage = await editor.GetStringAsync($"{path}/loeschen");
        var deleted = await StaffSession.PostAsync(editor, $"{path}/loeschen", new() { ["Version"] = StaffSession.Field(deletePage, "Version")! });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var actions = await TestTownsAudit(id);
        Assert.Equal(["news.article.created", "news.article.published", "news.article.deleted"], actions);
        Assert.Equal(0, await town.InTownAsync(town.TownA, db => db.Articles.CountAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Given_categories_When_created_renamed_and_deleted_Then_a_category_with_articles_cannot_be_deleted()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var created = await StaffSession.PostAsync(editor, "/admin/aktuelles/kategorien", new() { ["Name"] = "Bauen & Verkehr" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var category = await town.InTownAsync(town.TownA, db => db.Categories.AsNoTracking().SingleAsync(c => c.Name == "Bauen & Verkehr"));
        Assert.Equal("bauen-verkehr", category.Slug);
        var duplicate = await StaffSession.PostAsync(editor, "/admin/aktuelles/kategorien", new() { ["Name"] = "bauen & verkehr" });
        Assert.Contains("Eine Kategorie mit diesem Namen gibt es schon.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));

        var renamed = await StaffSession.PostAsync(editor, "/admin/aktuelles/kategorien?handler=Umbenennen", new() { ["Id"] = category.Id.ToString(), ["NewName"] = "Bauen und Verkehr" }, tokenFrom: "/admin/aktuelles/kategorien");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var full = await town.InTownAsync(town.TownA, db => db.Categories.AsNoTracking().SingleAsync(c => c.Slug == "rathaus"));
        var refused = await StaffSession.PostAsync(editor, $"/admin/aktuelles/kategorien/{full.Id}/loeschen", new());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("kann erst gelöscht werden, wenn sie leer ist", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var deleted = await StaffSession.PostAsync(editor, $"/admin/aktuelles/kategorien/{category.Id}/loeschen", new());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.True(await town.InTownAsync(town.TownA, db => db.Categories.AnyAsync(c => c.Id == full.Id)));
        Assert.False(await town.InTownAsync(town.TownA, db => db.Categories.AnyAsync(c => c.Id == category.Id)));
    }

    private Task<string> BodyAsync(Guid id) => town.InTownAsync(town.TownA, db => db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Body).SingleAsync());

    private Task<List<string>> TestTownsAudit(Guid id) =>
        Infrastructure.TestTowns.AsTownAsync(town.Factory, town.TownA, services =>
            services.GetRequiredService<AuditDbContext>().Entries.AsNoTracking()
                .Where(e => e.Target == "Wahlhelfer gesucht").OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
