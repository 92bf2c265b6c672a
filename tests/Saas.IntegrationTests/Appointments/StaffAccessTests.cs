using System.Net;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The staff pages open only to the town's staff whose role may manage appointments; everyone else changes nothing.</summary>
[Collection(StaffCollection.Name)]
public sealed class StaffAccessTests(StaffFixture town)
{
    internal static readonly string[] Pages =
    [
        "/admin/termine", "/admin/termine/dienstleistung", "/admin/termine/standort", "/admin/termine/tagesplan", "/admin/termine/woche",
        "/admin/termine/tagesplan/druck", "/admin/termine/export", "/admin/termine/export?handler=Csv&von=2026-12-07&bis=2026-12-31",
    ];

    [Fact]
    public async Task Anonymous_visitors_and_residents_are_sent_to_the_staff_sign_in_and_create_nothing()
    {
        var anonymous = town.Factory.ClientFor(StaffFixture.HostA, https: true);
        var resident = town.Factory.ClientFor(StaffFixture.HostA, https: true);
        var signIn = await StaffSession.PostAsync(resident, "/admin/anmelden", new() { ["Email"] = town.ResidentA.Email, ["Password"] = town.ResidentA.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // refused: residents are no staff
        var before = await town.SnapshotAsync(town.TownA);

        foreach (var client in new[] { anonymous, resident })
        {
            foreach (var page in Pages)
            {
                var response = await client.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
                Assert.StartsWith("/admin/anmelden", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            }
            var post = await client.PostAsync("/admin/termine/standort", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = "Anonym", ["Street"] = "x 1", ["PostalCode"] = "12345", ["City"] = "x", ["Counters"] = "1", ["SlotMinutes"] = "15", ["NoticeMinutes"] = "0", ["HorizonDays"] = "9",
            }));
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"post: {(int)post.StatusCode}");
        }

        Assert.Equal(before, await town.SnapshotAsync(town.TownA));
    }

    [Fact]
    public async Task Staff_whose_role_lacks_the_permission_are_refused_and_do_not_see_the_menu_entry()
    {
        var editor = await StaffSession.SignInAsync(town.Factory, StaffFixture.HostA, town.EditorA, town.Clock);

        foreach (var page in Pages)
        {
            var response = await editor.GetAsync(page);
            Assert.False(response.IsSuccessStatusCode, $"{page} answered {(int)response.StatusCode} to an editor");
        }
        Assert.DoesNotContain("href=\"/admin/termine\"", await editor.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/termine\"", await (await town.AdminAsync()).GetStringAsync("/admin"), StringComparison.Ordinal);
    }
}
