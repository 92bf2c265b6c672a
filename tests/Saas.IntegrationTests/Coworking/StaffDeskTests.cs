using System.Net;
using System.Text.RegularExpressions;
using Saas.IntegrationTests.Accounts;
using Saas.IntegrationTests.News;
using Saas.Modules.Coworking.Booking;

namespace Saas.IntegrationTests.Coworking;

/// <summary>Staff describe a space with its desks, see who is coming today, check them in, and read the month's figures.</summary>
[Collection(CoworkingCollection.Name)]
public sealed partial class StaffDeskTests(CoworkingFixture town)
{
    [Fact]
    public async Task Given_staff_When_they_create_a_space_with_hours_and_a_desk_Then_residents_see_it_and_bad_input_is_refused_in_german_with_nothing_stored()
    {
        var admin = await town.AdminAsync();
        var space = new Dictionary<string, string>
        {
            ["Name"] = "Dorfbüro", ["Street"] = "Kirchweg 2", ["PostalCode"] = "14827", ["City"] = "Schmerwitz", ["AccessNotes"] = "Schlüssel beim Bäcker",
            ["HouseRules"] = "Bitte lüften.", ["CancelHours"] = "48", ["PassPrice"] = "80,00",
        };
        // The form sends every weekday (empty: closed), as the browser does; Tuesday is open.
        for (var d = 0; d < 7; d++)
        {
            space[$"Opens[{d}]"] = d == 2 ? "09:00" : "";
            space[$"Closes[{d}]"] = d == 2 ? "17:00" : "";
        }
        var before = await town.SnapshotAsync(town.TownA);

        foreach (var (field, value, message) in new[]
        {
            ("Name", "<script>alert(1)</script>", "Bitte nur Text, ohne spitze Klammern"),
            ("PassPrice", "viel", "Bitte einen Betrag in Euro"),
            ("Closes[2]", "08:00", "Bitte Beginn und Ende im Halbstundentakt"),
            ("CancelHours", "-1", "Bitte eine ganze Zahl von 0 bis 720."),
            ("HouseRules", "", "Bitte ausfüllen"),
        })
        {
            using var refused = await StaffSession.PostAsync(admin, "/admin/coworking/raum", new(space) { [field] = value }, tokenFrom: "/admin/coworking/raum");
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, ResidentClient.Decode(html), StringComparison.Ordinal);
            // What was typed is shown again, escaped: never as markup.
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await town.SnapshotAsync(town.TownA));

        using var saved = await StaffSession.PostAsync(admin, "/admin/coworking/raum", space, tokenFrom: "/admin/coworking/raum");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = saved.Headers.Location!.OriginalString.Split('?')[0];
        using var badDesk = await StaffSession.PostAsync(admin, page + "?handler=Workplace",
            new() { ["Name"] = "Fenster", ["Kind"] = "desk", ["Capacity"] = "0", ["HourPrice"] = "2", ["HalfDayPrice"] = "5", ["DayPrice"] = "9" }, tokenFrom: page);
        Assert.Contains("Bitte eine ganze Zahl von 1 bis 100.", ResidentClient.Decode(await badDesk.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var desk = await StaffSession.PostAsync(admin, page + "?handler=Workplace",
            new() { ["Name"] = "Fenster", ["Kind"] = "desk", ["Capacity"] = "1", ["Monitor"] = "true", ["HourPrice"] = "2,50", ["HalfDayPrice"] = "6", ["DayPrice"] = "10" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);

        var sheet = ResidentClient.Decode(await admin.GetStringAsync(page));
        Assert.Contains("Fenster (Schreibtisch, für 1 Pers., Monitor)", sheet, StringComparison.Ordinal);
        var spaceId = page.Split('/').Last();
        var resident = ResidentClient.Decode(await town.Factory.ClientFor(CoworkingFixture.HostA).GetStringAsync($"/coworking?raum={spaceId}&tag=2026-12-08"));
        Assert.Contains("Dorfbüro", resident, StringComparison.Ordinal);
        Assert.Contains("Stunde 2,50 €, halber Tag 6,00 €, Tag 10,00 €", resident, StringComparison.Ordinal);
        Assert.Contains("Frei: 09:00–17:00", resident, StringComparison.Ordinal);
        Assert.Contains("Dienstag: 09:00–17:00", resident, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_bookings_today_When_staff_open_the_front_desk_Then_they_see_who_is_coming_check_them_in_and_the_month_shows_utilisation_and_revenue()
    {
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownB, "Tisch 1");
        var booked = await CoworkingTowns.BookAsync(town.Factory, town.TownB, desk, "2026-12-07", "08:00", "13:00", new Resident(Guid.NewGuid(), "heute@example.org", "Hanna Heute"), Spans.Morning);
        Assert.NotNull(booked.Booked);
        var admin = await town.AdminAsync(CoworkingFixture.HostB);

        var today = ResidentClient.Decode(await admin.GetStringAsync("/admin/coworking"));
        Assert.Contains("Hanna Heute", today, StringComparison.Ordinal);
        Assert.Contains("08:00–13:00", today, StringComparison.Ordinal);
        Assert.Contains("0 von 1 Buchungen eingecheckt", today, StringComparison.Ordinal);
        using var checkIn = await StaffSession.PostAsync(admin, "/admin/coworking?handler=CheckIn", new() { ["Booking"] = booked.Booked!.Booking.Id.ToString() }, tokenFrom: "/admin/coworking");
        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        Assert.Matches(CheckedIn(), ResidentClient.Decode(await admin.GetStringAsync("/admin/coworking")));

        var figures = ResidentClient.Decode(await admin.GetStringAsync("/admin/coworking/zahlen?monat=2026-12"));
        Assert.Contains("Coworking im Dezember 2026", figures, StringComparison.Ordinal);
        // December 2026 has 23 weekdays (10 h) and 4 Saturdays (4 h): 246 open hours; 5 booked for 8,00 €.
        Assert.Matches(@"Tisch 1 \(Coworking cowork-b\)</th>\s*<td>1</td>\s*<td>5 von 246</td>\s*<td>2 %</td>\s*<td>8,00 €</td>", figures);
        Assert.Contains("Einnahmen gesamt:", figures, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"eingecheckt um 0[7-8]:\d\d Uhr")]
    private static partial Regex CheckedIn();
}
