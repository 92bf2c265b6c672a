using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Saas.IntegrationTests.News;

/// <summary>Every editor route that takes an id, called in town A with town B's ids: 404, and nothing in B changes.</summary>
[Collection(NewsEditorCollection.Name)]
public sealed class NewsEditorCrossTownTests(NewsEditorFixture town)
{
    [Fact]
    public async Task Given_town_A_staff_When_they_use_town_B_article_category_and_image_ids_Then_every_route_answers_404_and_B_is_unchanged()
    {
        var before = await town.SnapshotOfBAsync();
        var client = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var article = town.ArticleB;
        var category = town.CategoryB;
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Übernommen", ["Input.Teaser"] = "t", ["Input.Body"] = "b", ["Input.Version"] = "1", ["Version"] = "1",
            ["Id"] = category.ToString(), ["NewName"] = "Übernommen",
        };
        var gets = new[]
        {
            $"/admin/aktuelles/{article}", $"/admin/aktuelles/{article}/loeschen", $"/admin/aktuelles/kategorien/{category}/loeschen",
            $"/admin/aktuelles/bilder/{town.ImageB}", $"/aktuelles/bilder/{town.ImageB}",
        };
        var posts = new[]
        {
            $"/admin/aktuelles/{article}", $"/admin/aktuelles/{article}?handler=Vorschau", $"/admin/aktuelles/{article}?handler=Veroeffentlichen",
            $"/admin/aktuelles/{article}?handler=Zurueckziehen", $"/admin/aktuelles/{article}/loeschen",
            "/admin/aktuelles/kategorien?handler=Umbenennen", $"/admin/aktuelles/kategorien/{category}/loeschen",
        };
        var wrong = new List<string>();
        foreach (var path in gets)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"GET {path}: {(int)response.StatusCode}");
            }
        }
        foreach (var path in posts)
        {
            var response = await StaffSession.PostAsync(client, path, new(form), tokenFrom: "/admin/aktuelles/neu");
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"POST {path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, "answered with something other than 404:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await town.SnapshotOfBAsync());
    }

    [Fact]
    public async Task Given_town_B_image_id_as_the_pending_image_of_a_new_article_in_A_When_saved_Then_the_article_has_no_image_and_B_is_unchanged()
    {
        var before = await town.SnapshotOfBAsync();
        var client = await StaffSession.SignInAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var formId = Guid.CreateVersion7();
        var response = await StaffSession.PostAsync(client, "/admin/aktuelles/neu", new()
        {
            ["Input.FormId"] = formId.ToString(), ["Input.Title"] = "Mit fremdem Bild", ["Input.Teaser"] = "Kurz", ["Input.Body"] = "Text",
            ["Input.PendingImageId"] = town.ImageB.ToString(), ["Input.ImageAlt"] = "fremd",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await town.InTownAsync(town.TownA, db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == formId));
        Assert.Null(stored.ImageId);
        Assert.Equal(before, await town.SnapshotOfBAsync());
    }
}
