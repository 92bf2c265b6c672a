using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Saas.IntegrationTests.WasteCalendar;

[Collection(WasteCollection.Name)]
public sealed class WasteApiTests(WasteFixture fixture)
{
    private async Task<List<(string Street, string Village, string Area)>> FindAsync(string q, string host = WasteFixture.HostA)
    {
        var found = await fixture.Client(host).GetFromJsonAsync<JsonElement>($"/api/v1/waste/addresses?q={Uri.EscapeDataString(q)}");
        return [.. found.EnumerateArray().Select(a => (a.GetProperty("street").GetString()!, a.GetProperty("village").GetString()!, a.GetProperty("area").GetString()!))];
    }

    [Theory]
    [InlineData("Muehlenweg")]
    [InlineData("mühlenweg")]
    [InlineData("Muehlenwg")]
    [InlineData("Mülhenweg")]
    [InlineData("Muhlenweg")]
    [InlineData("Mühl")]
    public async Task Given_umlauts_written_out_typos_or_a_beginning_When_searched_Then_the_Muehlenweg_is_found(string typed)
    {
        var found = await FindAsync(typed);

        Assert.Equal(("Mühlenweg", "abfall-a", "Nord abfall-a"), found[0]);
    }

    [Theory]
    [InlineData("Schulstrasse")]
    [InlineData("Schulstr.")]
    [InlineData("Schulstrase")]
    public async Task Given_Strasse_spelled_any_way_When_searched_Then_the_Schulstrasse_is_found(string typed) =>
        Assert.Equal("Schulstraße", (await FindAsync(typed))[0].Street);

    [Fact]
    public async Task Given_a_street_split_between_areas_When_a_house_number_is_given_Then_only_the_area_collecting_there_answers()
    {
        Assert.Equal([("Hauptstraße", "abfall-a", "Nord abfall-a")], await FindAsync("Hauptstrasse 20"));
        Assert.Equal([("Hauptstraße", "abfall-a", "Süd abfall-a")], await FindAsync("Hauptstraße 21"));
        Assert.Equal(2, (await FindAsync("Hauptstraße")).Count);
    }

    [Fact]
    public async Task Given_the_same_street_in_two_villages_When_a_village_is_chosen_Then_only_its_street_answers()
    {
        Assert.Equal(2, (await FindAsync("Dorfstraße")).Count);
        var reetz = await fixture.Client().GetFromJsonAsync<JsonElement>("/api/v1/waste/addresses?q=Dorfstrasse&village=Reetz");
        Assert.Equal("Nord abfall-a", Assert.Single(reetz.EnumerateArray()).GetProperty("area").GetString());
    }

    [Fact]
    public async Task Given_a_street_the_town_does_not_have_When_searched_Then_the_answer_is_empty_and_never_another_towns_street()
    {
        Assert.Empty(await FindAsync("Bahnhofstraße"));
        Assert.All(await FindAsync("Mühlenweg"), m => Assert.DoesNotContain("abfall-b", m.Area, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/waste/addresses")]
    [InlineData("/api/v1/waste/addresses?q=a")]
    [InlineData("/api/v1/waste/collections?areaId=nix&from=2027-01-01&to=2027-01-31")]
    [InlineData("/api/v1/waste/collections?areaId={area}&from=01.01.2027&to=2027-01-31")]
    [InlineData("/api/v1/waste/collections?areaId={area}&from=2027-02-01&to=2027-01-01")]
    [InlineData("/api/v1/waste/collections?areaId={area}&from=2027-01-01&to=2029-01-01")]
    [InlineData("/api/v1/waste/collections?areaId={area}&from=2027-01-01&to=2027-01-31&types=kaputt")]
    [InlineData("/api/v1/waste/areas/{area}/calendar.ics?types=0190a1b2-0000-7000-8000-000000000001")]
    public async Task Given_bad_input_When_the_api_is_called_Then_it_answers_400_problem_details(string path)
    {
        var area = await fixture.AreaIdAsync(WasteFixture.HostA, "Nord");

        var response = await fixture.Client().GetAsync(path.Replace("{area}", area.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task Given_an_area_and_a_range_When_collections_are_asked_Then_they_come_by_day_and_the_type_filter_holds()
    {
        var area = await fixture.AreaIdAsync(WasteFixture.HostA, "Nord");
        var types = await fixture.TypeIdsAsync();

        var all = await fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/waste/collections?areaId={area}&from=2027-01-01&to=2027-01-31");
        var paper = await fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/waste/collections?areaId={area}&from=2027-01-01&to=2027-01-31&types={types["Papier"]}");

        Assert.Equal(["2027-01-05|Restmüll", "2027-01-12|Papier", "2027-01-19|Restmüll"],
            all.GetProperty("collections").EnumerateArray().Select(c => $"{c.GetProperty("date").GetString()}|{c.GetProperty("type").GetString()}").ToArray());
        Assert.Equal(["2027-01-12"], paper.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("date").GetString()!).ToArray());
    }

    [Fact]
    public async Task Given_an_area_of_town_B_When_asked_on_town_A_Then_it_is_unknown_there()
    {
        var areaOfB = await fixture.AreaIdAsync(WasteFixture.HostB, "Nord");

        var collections = await fixture.Client().GetAsync($"/api/v1/waste/collections?areaId={areaOfB}&from=2027-01-01&to=2027-01-31");
        var feed = await fixture.Client().GetAsync($"/api/v1/waste/areas/{areaOfB}/calendar.ics");
        var page = await fixture.Client().GetAsync($"/abfall/{areaOfB}");
        var residentFeed = await fixture.Client().GetAsync($"/abfall/kalender/{areaOfB}.ics");

        Assert.Equal(HttpStatusCode.BadRequest, collections.StatusCode);
        Assert.DoesNotContain("abfall-b", await collections.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, residentFeed.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/waste/types")]
    [InlineData("/api/v1/waste/addresses?q=Mühlenweg")]
    [InlineData("/abfall")]
    public async Task Given_a_town_without_the_feature_When_the_waste_calendar_is_asked_Then_it_is_absent(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client(WasteFixture.HostWithout).GetAsync(path)).StatusCode);

    [Fact]
    public async Task The_api_is_in_the_openapi_document()
    {
        var document = await fixture.Client().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/waste/types", "/api/v1/waste/addresses", "/api/v1/waste/collections", "/api/v1/waste/areas/{areaId}/calendar.ics" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
