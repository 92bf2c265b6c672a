using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Saas.IntegrationTests.News;

/// <summary>The editors open only to the town's own staff with the second factor; everyone else gets the sign-in page and changes nothing.</summary>
[Collection(NewsEditorCollection.Name)]
public sealed class NewsEditorAccessTests(NewsEditorFixture town)
{
    private static readonly string[] EditorPages = ["/admin/aktuelles", "/admin/aktuelles/neu", "/admin/aktuelles/kategorien"];

    [Fact]
    public async Task Given_no_session_When_the_editors_are_opened_or_posted_to_Then_the_sign_in_page_answers_and_nothing_is_created()
    {
        var client = town.Factory.ClientFor(NewsEditorFixture.HostA, https: true);
        foreach (var page in EditorPages)
        {
            await AssertSentToSignInAsync(await client.GetAsync(page), page);
        }
        var before = await CountAsync();
        var post = await client.PostAsync("/admin/aktuelles/neu", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Anonym", ["Input.Teaser"] = "x", ["Input.Body"] = "x" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"got {(int)post.StatusCode}");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Given_a_resident_When_they_try_the_staff_sign_in_and_the_editors_Then_they_get_no_access()
    {
        var client = town.Factory.ClientFor(NewsEditorFixture.HostA, https: true);
        var signIn = await StaffSession.PostAsync(client, "/admin/anmelden", new() { ["Email"] = town.ResidentA.Email, ["Password"] = town.ResidentA.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, with a message
        await AssertSentToSignInAsync(await client.GetAsync("/admin/aktuelles"), "/admin/aktuelles");
    }

    [Fact]
    public async Task Given_staff_who_gave_only_the_password_When_the_editors_are_opened_Then_the_sign_in_asks_for_more()
    {
        var client = await StaffSession.PasswordOnlyAsync(town.Factory, NewsEditorFixture.HostA, town.EditorWithoutSecondFactorA);
        foreach (var page in EditorPages)
        {
            await AssertSentToSignInAsync(await client.GetAsync(page), page);
        }
    }

    [Fact]
    public async Task Given_town_A_staff_cookies_When_sent_to_town_B_Then_B_answers_with_its_sign_in_page_and_B_is_unchanged()
    {
        var (cookieHeader, token) = await StaffSession.CookiesAsync(town.Factory, NewsEditorFixture.HostA, town.EditorA, town.Clock);
        var a = town.Factory.CreateClient(new() { BaseAddress = new Uri($"https://{NewsEditorFixture.HostA}/"), AllowAutoRedirect = false, HandleCookies = false });
        var own = new HttpRequestMessage(HttpMethod.Get, "/admin/aktuelles");
        own.Headers.Add("Cookie", cookieHeader);
        Assert.Equal(HttpStatusCode.OK, (await a.SendAsync(own)).StatusCode); // the cookies do work at home
        var before = await town.SnapshotOfBAsync();

        var b = town.Factory.ClientFor(NewsEditorFixture.HostB, https: true);
        var get = new HttpRequestMessage(HttpMethod.Get, "/admin/aktuelles");
        get.Headers.Add("Cookie", cookieHeader);
        await AssertSentToSignInAsync(await b.SendAsync(get), "B /admin/aktuelles");
        var post = new HttpRequestMessage(HttpMethod.Post, $"/admin/aktuelles/{town.ArticleB}?handler=Zurueckziehen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Version"] = "1", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookieHeader);
        Assert.NotEqual(HttpStatusCode.OK, (await b.SendAsync(post)).StatusCode);

        Assert.Equal(before, await town.SnapshotOfBAsync());
    }

    private static async Task AssertSentToSignInAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected the sign-in redirect, got {(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync())[..Math.Min(200, (await response.Content.ReadAsStringAsync()).Length)]}");
        Assert.StartsWith("/admin/anmelden", response.Headers.Location?.OriginalString ?? "");
    }

    private Task<int> CountAsync() => town.InTownAsync(town.TownA, db => db.Articles.CountAsync());
}
