using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Jobs;

/// <summary>Staff write postings; residents find them, with the JobPosting JSON-LD search engines read, and in the RSS feed.</summary>
[Collection(JobsCollection.Name)]
public sealed partial class PostingTests(JobsFixture town)
{
    private const string Script = "<script>alert('x')</script></script><!--";

    [Fact]
    public async Task Given_staff_publish_a_posting_Then_its_page_carries_a_JobPosting_with_every_field_a_search_engine_needs()
    {
        var staff = await town.StaffAsync(town.EditorA);
        var id = await CreateAsync(staff, "Klärwerksmeister/in", "Abwasser", "2026-12-31", "2026-12-07T06:00");
        var page = await town.Factory.ClientFor(JobsFixture.HostA).GetStringAsync("/stellen/klaerwerksmeister-in");

        var json = JsonDocument.Parse(JsonLd(page)).RootElement;

        Assert.Equal("https://schema.org/", json.GetProperty("@context").GetString());
        Assert.Equal("JobPosting", json.GetProperty("@type").GetString());
        Assert.Equal("Klärwerksmeister/in", json.GetProperty("title").GetString());
        Assert.Contains("<li>Anlagen warten</li>", json.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(1)), json.GetProperty("datePosted").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)), json.GetProperty("validThrough").GetDateTimeOffset());
        Assert.Equal("FULL_TIME", json.GetProperty("employmentType").GetString());
        var organisation = json.GetProperty("hiringOrganization");
        Assert.Equal("Organization", organisation.GetProperty("@type").GetString());
        Assert.Equal("Verwaltung stellen-a", organisation.GetProperty("name").GetString());
        var address = json.GetProperty("jobLocation").GetProperty("address");
        Assert.Equal("Place", json.GetProperty("jobLocation").GetProperty("@type").GetString());
        Assert.Equal("PostalAddress", address.GetProperty("@type").GetString());
        Assert.Equal("14806", address.GetProperty("postalCode").GetString());
        Assert.Equal("stellen-a", address.GetProperty("addressLocality").GetString());
        Assert.Equal("DE", address.GetProperty("addressCountry").GetString());
        Assert.Equal(id.ToString(), json.GetProperty("identifier").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Given_script_in_every_field_of_a_posting_and_an_application_Then_every_page_shows_it_as_text_and_the_JSON_LD_stays_closed()
    {
        var staff = await town.StaffAsync(town.AdminA);
        var fields = Fields("Böse " + Script, Script, "2026-12-31", "2026-12-07T06:00");
        foreach (var key in new[] { "Input.Hours", "Input.PayGroup", "Input.Location", "Input.Contact" })
        {
            fields[key] = Script[..Math.Min(Script.Length, 39)];
        }
        using var created = await StaffSession.PostAsync(staff, "/admin/stellen/stelle", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var slug = "boese-script-alert-x-script-script";
        var page = await town.Factory.ClientFor(JobsFixture.HostA).GetStringAsync($"/stellen/{slug}");

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<", JsonLd(page), StringComparison.Ordinal);
        var json = JsonDocument.Parse(JsonLd(page)).RootElement;
        Assert.Equal("Böse " + Script, json.GetProperty("title").GetString());
        Assert.DoesNotContain("<script", json.GetProperty("description").GetString(), StringComparison.OrdinalIgnoreCase);

        var (_, _, formId) = await town.ApplyAsync(slug, Script, "skript@example.org", Script, [("x.pdf", JobsFixture.Pdf())]);
        foreach (var path in new[] { $"/admin/stellen/bewerbung/{formId}", $"/admin/stellen/stelle/{created.Headers.Location!.OriginalString.Split('/')[4].Split('?')[0]}/bewerbungen", "/admin/stellen" })
        {
            var html = await staff.GetStringAsync(path);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        }
        Assert.Contains("&lt;script&gt;", await staff.GetStringAsync($"/admin/stellen/bewerbung/{formId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_bad_posting_input_Then_staff_get_German_messages_and_nothing_is_stored()
    {
        var staff = await town.StaffAsync(town.AdminA);
        var before = await town.CountAsync("SELECT count(*) FROM jobs_postings WHERE tenant_id = @t", town.TownA);
        var fields = Fields("", "", "31.12.2026", "morgen");
        fields["Input.EmploymentType"] = "sklave";
        fields["Input.ApplyUrl"] = "javascript:alert(1)";

        using var response = await StaffSession.PostAsync(staff, "/admin/stellen/stelle", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var message in new[] { "Bitte füllen Sie dieses Feld aus.", "Bewerbungsschluss als Datum", "gültige Zeit", "Beschäftigungsart", "https://" })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await town.CountAsync("SELECT count(*) FROM jobs_postings WHERE tenant_id = @t", town.TownA));
    }

    [Fact]
    public async Task Given_a_draft_and_a_scheduled_posting_Then_residents_see_neither_until_its_time_and_the_feed_lists_only_open_ones()
    {
        var staff = await town.StaffAsync(town.AdminA);
        await CreateAsync(staff, "Entwurf Stelle", "Hauptamt", "2026-12-31", "");
        await CreateAsync(staff, "Geplante Stelle", "Hauptamt", "2026-12-31", "2026-12-10T08:00");
        var resident = town.Factory.ClientFor(JobsFixture.HostA);

        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/stellen/entwurf-stelle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/stellen/geplante-stelle")).StatusCode);
        var feed = XDocument.Parse(await resident.GetStringAsync("/stellen/rss.xml"));
        var titles = feed.Descendants("item").Select(i => i.Element("title")!.Value).ToList();
        Assert.Contains("Erzieher/in Kita", titles);
        Assert.DoesNotContain("Geplante Stelle", titles);
        Assert.DoesNotContain("Kämmerer/in", titles);
        var resume = town.Clock.GetUtcNow();
        try
        {
            town.Clock.SetTo(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.FromHours(1)));
            Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/stellen/geplante-stelle")).StatusCode);
        }
        finally
        {
            town.Clock.SetTo(resume);
        }
    }

    [Fact]
    public async Task Given_filters_Then_the_list_shows_only_matching_open_postings()
    {
        var resident = town.Factory.ClientFor(JobsFixture.HostA);
        var kita = WebUtility.HtmlDecode(await resident.GetStringAsync("/stellen?bereich=Kita+Sonnenschein"));
        Assert.Contains("Erzieher/in Kita", kita, StringComparison.Ordinal);
        Assert.DoesNotContain("Bürgerbüro</a>", kita, StringComparison.Ordinal);
        var partTime = WebUtility.HtmlDecode(await resident.GetStringAsync("/stellen?art=temporary"));
        Assert.Contains("Mitarbeiter/in Bauhof", partTime, StringComparison.Ordinal);
        Assert.DoesNotContain("Erzieher/in Kita", partTime, StringComparison.Ordinal);
        var words = WebUtility.HtmlDecode(await resident.GetStringAsync("/stellen?q=bürgerbüro"));
        Assert.Contains("Sachbearbeiter/in Bürgerbüro", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Erzieher/in Kita", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_town_without_the_feature_Then_every_jobs_address_answers_404()
    {
        var client = town.Factory.ClientFor(JobsFixture.HostWithout);
        foreach (var path in new[] { "/stellen", "/stellen/rss.xml", "/stellen/erzieher-in-kita", "/admin/stellen" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
    }

    internal static Dictionary<string, string> Fields(string title, string department, string deadline, string publishAt) => new()
    {
        ["FormId"] = Guid.CreateVersion7().ToString(),
        ["Input.Title"] = title,
        ["Input.Department"] = department,
        ["Input.Description"] = "## Aufgaben\n\n- Anlagen warten\n- " + title,
        ["Input.EmploymentType"] = "full_time",
        ["Input.Hours"] = "39 Stunden/Woche",
        ["Input.PayGroup"] = "E 9a TVöD",
        ["Input.StartDate"] = "2027-02-01",
        ["Input.Location"] = "Klärwerk",
        ["Input.Contact"] = "Herr Muster",
        ["Input.Deadline"] = deadline,
        ["Input.PublishAt"] = publishAt,
        ["Input.UnpublishAt"] = "",
        ["Input.ApplyUrl"] = "",
    };

    internal static async Task<Guid> CreateAsync(HttpClient staff, string title, string department, string deadline, string publishAt)
    {
        using var response = await StaffSession.PostAsync(staff, "/admin/stellen/stelle", Fields(title, department, deadline, publishAt));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"posting refused: {(int)response.StatusCode}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[4].Split('?')[0]);
    }

    internal static string JsonLd(string page) => JsonLdBlock().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no JSON-LD in " + page);

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}
