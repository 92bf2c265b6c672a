using System.Net;
using Ical.Net;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.WasteCalendar;

/// <summary>The ICS feed as a calendar app reads it: parsed by Ical.Net and checked event by event against the stored dates.</summary>
[Collection(WasteCollection.Name)]
public sealed class WasteFeedTests(WasteFixture fixture)
{
    [Fact]
    public async Task Given_an_area_When_its_feed_is_parsed_Then_every_stored_collection_is_one_all_day_event_with_a_stable_uid()
    {
        var area = await fixture.AreaIdAsync(WasteFixture.HostA, "Süd");
        var response = await fixture.Client().GetAsync($"/abfall/kalender/{area}.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch("[^\r]\n", text);
        var calendar = Calendar.Load(text)!;
        var expected = (await fixture.CollectionsAsOwnerAsync(fixture.TownA)).Where(r => r.EndsWith("|Süd abfall-a", StringComparison.Ordinal) && string.CompareOrdinal(r, "2028") < 0).ToList();
        var events = calendar.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(expected.Count, events.Count);
        foreach (var (e, row) in events.Zip(expected))
        {
            var parts = row.Split('|');
            Assert.Equal(DateOnly.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(e.DtStart!.Value));
            Assert.False(e.DtStart.HasTime);
            Assert.True(e.IsAllDay);
            Assert.Equal(DateOnly.FromDateTime(e.DtStart.Value).AddDays(1), DateOnly.FromDateTime(e.DtEnd!.Value));
            Assert.Equal(parts[1], e.Summary);
            Assert.NotNull(e.DtStamp);
            Assert.EndsWith("@abfall-a.localhost", e.Uid, StringComparison.Ordinal);
        }
        var again = Calendar.Load(await fixture.Client().GetStringAsync($"/api/v1/waste/areas/{area}/calendar.ics"))!;
        Assert.Equal(events.Select(e => e.Uid), again.Events.OrderBy(e => e.DtStart!.Value).Select(e => e.Uid));
    }

    [Fact]
    public async Task Given_chosen_types_When_the_feed_is_parsed_Then_it_holds_only_those()
    {
        var area = await fixture.AreaIdAsync(WasteFixture.HostA, "Nord");
        var types = await fixture.TypeIdsAsync();

        var calendar = Calendar.Load(await fixture.Client().GetStringAsync($"/abfall/kalender/{area}.ics?types={types["Papier"]:N}"))!;

        Assert.Equal([new DateOnly(2027, 1, 12), new DateOnly(2027, 2, 9)], calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)).Order());
        Assert.All(calendar.Events, e => Assert.Equal("Papier", e.Summary));
    }

    [Fact]
    public async Task Given_a_cached_feed_When_staff_add_a_date_Then_the_next_download_has_it_and_town_B_is_untouched()
    {
        var area = await fixture.AreaIdAsync(WasteFixture.HostA, "Süd");
        var areaB = await fixture.AreaIdAsync(WasteFixture.HostB, "Süd");
        var types = await fixture.TypeIdsAsync();
        var before = Calendar.Load(await fixture.Client().GetStringAsync($"/abfall/kalender/{area}.ics"))!.Events.Count;
        var feedB = await fixture.Client(WasteFixture.HostB).GetStringAsync($"/abfall/kalender/{areaB}.ics");
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);

        var added = await StaffSession.PostAsync(admin, $"/admin/abfall/gebiete/{area}?handler=Termin",
            new() { ["typeId"] = types["Sperrmüll"].ToString(), ["day"] = "2027-04-16" }, tokenFrom: $"/admin/abfall/gebiete/{area}");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = Calendar.Load(await fixture.Client().GetStringAsync($"/abfall/kalender/{area}.ics"))!;
        Assert.Equal(before + 1, after.Events.Count);
        Assert.Contains(after.Events, e => e.Summary == "Sperrmüll" && DateOnly.FromDateTime(e.DtStart!.Value) == new DateOnly(2027, 4, 16));
        var feedBAfter = await fixture.Client(WasteFixture.HostB).GetStringAsync($"/abfall/kalender/{areaB}.ics");
        Assert.Equal(Events(feedB), Events(feedBAfter));
    }

    private static string Events(string ics) => string.Join("\n", Calendar.Load(ics)!.Events.Select(e => $"{e.Uid}|{e.Summary}"));
}
