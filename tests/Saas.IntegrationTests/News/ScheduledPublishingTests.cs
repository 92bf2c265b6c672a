using System.Net;
using System.Text.Json;

namespace Saas.IntegrationTests.News;

/// <summary>
/// An article written for later appears on the resident pages, feeds and API exactly at its time
/// (not up to the cache lifetime later) and vanishes exactly at its unpublish time, with every
/// page cached in between: the cache's entries never outlive the next scheduled change.
/// </summary>
[Collection(NewsEditorCollection.Name)]
public sealed class ScheduledPublishingTests(NewsEditorFixture town)
{
    [Fact]
    public async Task Given_an_article_scheduled_two_minutes_ahead_When_the_clock_reaches_its_times_Then_it_appears_and_vanishes_exactly_then_everywhere()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var now = town.Clock.GetUtcNow();
        // Whole minutes, as the form takes them: the next full minute plus one.
        var publish = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(2);
        var unpublish = publish.AddMinutes(3);
        var title = "Sperrung der Lindenallee";
        var saved = await StaffSession.PostAsync(editor, "/admin/aktuelles/neu", new()
        {
            ["Input.FormId"] = Guid.CreateVersion7().ToString(), ["Input.Title"] = title, ["Input.Teaser"] = "Ab Montag gesperrt.",
            ["Input.Body"] = "Die **Lindenallee** ist gesperrt.", ["Input.PublishAt"] = NewsEditorFixture.LocalInput(publish),
            ["Input.UnpublishAt"] = NewsEditorFixture.LocalInput(unpublish), ["Input.Urgent"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var resident = town.Factory.ClientFor(NewsEditorFixture.HostA);
        async Task<string[]> WhereShownAsync()
        {
            var shown = new List<string>();
            foreach (var path in new[] { "/", "/aktuelles", "/aktuelles/rss.xml", "/aktuelles/atom.xml" })
            {
                if ((await resident.GetStringAsync(path)).Contains(title, StringComparison.Ordinal))
                {
                    shown.Add(path);
                }
            }
            var api = JsonDocument.Parse(await resident.GetStringAsync("/api/v1/news"));
            if (api.RootElement.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("title").GetString() == title))
            {
                shown.Add("/api/v1/news");
            }
            if ((await resident.GetAsync("/aktuelles/sperrung-der-lindenallee")).StatusCode == HttpStatusCode.OK)
            {
                shown.Add("/aktuelles/sperrung-der-lindenallee");
            }
            return [.. shown];
        }
        string[] everywhere = ["/", "/aktuelles", "/aktuelles/rss.xml", "/aktuelles/atom.xml", "/api/v1/news", "/aktuelles/sperrung-der-lindenallee"];

        Assert.Empty(await WhereShownAsync()); // and now every page is cached without it
        town.Clock.SetTo(publish.AddSeconds(-1));
        Assert.Empty(await WhereShownAsync());
        town.Clock.SetTo(publish);
        Assert.Equal(everywhere, await WhereShownAsync());
        town.Clock.SetTo(unpublish.AddSeconds(-1));
        Assert.Equal(everywhere, await WhereShownAsync());
        town.Clock.SetTo(unpublish);
        Assert.Empty(await WhereShownAsync());
    }

    [Fact]
    public async Task Given_a_published_article_on_cached_pages_When_staff_unpublish_it_Then_the_next_resident_request_no_longer_shows_it()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var id = Guid.CreateVersion7();
        var title = "Sprechstunde des Bürgermeisters";
        await StaffSession.PostAsync(editor, "/admin/aktuelles/neu", new()
        {
            ["Input.FormId"] = id.ToString(), ["Input.Title"] = title, ["Input.Teaser"] = "Am Dienstag.", ["Input.Body"] = "Im Rathaus.",
            ["Input.PublishAt"] = NewsEditorFixture.LocalInput(town.Clock.GetUtcNow().AddMinutes(-1)),
        });
        var resident = town.Factory.ClientFor(NewsEditorFixture.HostA);
        Assert.Contains(title, await TextAsync(resident, "/aktuelles"));
        Assert.Contains(title, await TextAsync(resident, "/aktuelles")); // served from the cache now

        var edit = await editor.GetStringAsync($"/admin/aktuelles/{id}");
        var unpublished = await StaffSession.PostAsync(editor, $"/admin/aktuelles/{id}?handler=Zurueckziehen", new() { ["Input.Version"] = StaffSession.Field(edit, "Input.Version")! }, tokenFrom: $"/admin/aktuelles/{id}");

        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.DoesNotContain(title, await TextAsync(resident, "/aktuelles"));
    }

    /// <summary>The page with entities decoded (Razor writes umlauts as character references).</summary>
    private static async Task<string> TextAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));
}
