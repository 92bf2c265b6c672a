using System.Net;
using System.Text;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.WasteCalendar;

/// <summary>The staff side: who may enter, and the CSV import's preview, confirmation and refusals (nothing half-imported).</summary>
[Collection(WasteCollection.Name)]
public sealed class WasteAdminTests(WasteFixture fixture)
{
    [Fact]
    public async Task Given_an_editor_without_the_waste_permission_When_the_waste_pages_are_opened_Then_access_is_refused()
    {
        var editor = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.EditorA, fixture.Clock);

        foreach (var path in new[] { "/admin/abfall", "/admin/abfall/import" })
        {
            var response = await editor.GetAsync(path);
            Assert.StartsWith("/fehler/403", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Given_a_tenant_admin_When_the_waste_pages_are_opened_Then_types_areas_and_dates_are_shown()
    {
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);
        var area = await fixture.AreaIdAsync(WasteFixture.HostA, "Nord");

        var index = await admin.GetStringAsync("/admin/abfall");
        var areaPage = await admin.GetStringAsync($"/admin/abfall/gebiete/{area}?jahr=2027");

        Assert.Contains("Gelbe Tonne/Wertstoffe", WebUtility.HtmlDecode(index), StringComparison.Ordinal);
        Assert.Contains("Nord abfall-a", WebUtility.HtmlDecode(index), StringComparison.Ordinal);
        Assert.DoesNotContain("abfall-b", index, StringComparison.Ordinal);
        Assert.Contains("Mühlenweg, abfall-a", WebUtility.HtmlDecode(areaPage), StringComparison.Ordinal);
        Assert.Contains("12.01.2027: Papier", WebUtility.HtmlDecode(areaPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_windows_1252_csv_When_previewed_and_confirmed_Then_exactly_the_previewed_dates_are_stored()
    {
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding(1252).GetBytes("Datum;Abfallart;Gebiet\r\n03.03.2028;Schadstoffmobil;Süd abfall-a\r\n7.7.28;schadstoffmobil;SÜD ABFALL-A\r\n2028-10-06;Schadstoffmobil;Süd abfall-a\r\n");
        var before = await fixture.CollectionsAsOwnerAsync(fixture.TownA);

        var preview = await UploadAsync(admin, csv, "landkreis.csv");

        Assert.Contains("3 Termine kommen hinzu, 0 fallen weg, 0 bleiben unverändert; 0 Zeilen konnten nicht gelesen werden.", WebUtility.HtmlDecode(preview), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CollectionsAsOwnerAsync(fixture.TownA)); // a preview stores nothing

        var confirmed = await ConfirmAsync(admin, preview);

        Assert.Contains("Übernommen: 3 Termine hinzugefügt, 0 entfernt.", confirmed, StringComparison.Ordinal);
        var after = await fixture.CollectionsAsOwnerAsync(fixture.TownA);
        Assert.Equal(
            ["2028-03-03|Schadstoffmobil|Süd abfall-a", "2028-07-07|Schadstoffmobil|Süd abfall-a", "2028-10-06|Schadstoffmobil|Süd abfall-a"],
            after.Except(before).ToArray());
        Assert.Empty(before.Except(after));

        // The county's corrected file for 2028 replaces that year's dates of the type: one moves, one stays, one goes.
        var corrected = Encoding.UTF8.GetBytes("\uFEFFDatum,Art,Gebiet\n03.03.2028,Schadstoffmobil,Süd abfall-a\n14.07.2028,Schadstoffmobil,Süd abfall-a\n");
        var second = await UploadAsync(admin, corrected, "korrektur.csv");
        Assert.Contains("1 Termine kommen hinzu, 2 fallen weg, 1 bleiben unverändert", WebUtility.HtmlDecode(second), StringComparison.Ordinal);
        await ConfirmAsync(admin, second);
        var final = (await fixture.CollectionsAsOwnerAsync(fixture.TownA)).Where(r => r.StartsWith("2028", StringComparison.Ordinal) && r.Contains("Schadstoff", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["2028-03-03|Schadstoffmobil|Süd abfall-a", "2028-07-14|Schadstoffmobil|Süd abfall-a"], final);
    }

    [Theory]
    [InlineData("Datum;Art\n03.03.2028;Restmüll\n", "Es fehlen Spalten: Gebiet")]
    [InlineData("Datum;Art;Gebiet\n03.03.2028;Restmüll;Nord abfall-a\n31.02.2028;Restmüll;Nord abfall-a\n", "Zeile 3: kein gültiges Datum: „31.02.2028“")]
    [InlineData("Datum;Art;Gebiet\n03.03.2028;Restmüll;Nord abfall-a\n04.03.2028;Restmüll;Nord abfall-b\n", "Zeile 3: unbekanntes Abfuhrgebiet „Nord abfall-b“")]
    [InlineData("Datum;Art;Gebiet\n03.03.2028;Glas;Nord abfall-a\n", "Zeile 2: unbekannte Abfallart „Glas“")]
    [InlineData("Datum;Art;Gebiet\n03.03.2028;Restmüll;Nord abfall-a\n04.03.2028\n", "Zeile 3: zu wenige Felder")]
    public async Task Given_a_csv_with_an_unreadable_line_When_previewed_Then_the_line_is_named_and_nothing_can_be_imported(string csv, string message)
    {
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);
        var before = await fixture.CollectionsAsOwnerAsync(fixture.TownA);

        var preview = await UploadAsync(admin, Encoding.UTF8.GetBytes(csv), "fehler.csv");

        Assert.Contains(message, WebUtility.HtmlDecode(preview), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Bestaetigen", preview, StringComparison.Ordinal);
        // Forcing the confirmation anyway (a crafted post with the readable part) changes nothing either.
        var forced = await StaffSession.PostAsync(admin, "/admin/abfall/import?handler=Bestaetigen", new()
        {
            ["content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)), ["fingerprint"] = "0", ["fileName"] = "fehler.csv", ["year"] = "2027",
        });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(before, await fixture.CollectionsAsOwnerAsync(fixture.TownA));
    }

    [Fact]
    public async Task Given_a_file_over_one_megabyte_When_uploaded_Then_it_is_refused_unread()
    {
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);
        var big = Encoding.UTF8.GetBytes("Datum;Art;Gebiet\n" + string.Concat(Enumerable.Repeat("03.03.2028;Restmüll;Nord abfall-a\n", 40_000)));

        var page = await UploadAsync(admin, big, "riesig.csv");

        Assert.Contains("größer als 1 MB", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    private static async Task<string> UploadAsync(HttpClient admin, byte[] content, string fileName)
    {
        var token = await StaffSession.TokenAsync(admin, "/admin/abfall/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2028"), "year" },
            { new ByteArrayContent(content), "file", fileName },
        };
        var response = await admin.PostAsync("/admin/abfall/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ConfirmAsync(HttpClient admin, string preview)
    {
        Assert.Contains("handler=Bestaetigen", preview, StringComparison.Ordinal);
        var response = await StaffSession.PostAsync(admin, "/admin/abfall/import?handler=Bestaetigen", new()
        {
            ["content"] = StaffSession.Field(preview, "content")!,
            ["fingerprint"] = StaffSession.Field(preview, "fingerprint")!,
            ["fileName"] = StaffSession.Field(preview, "fileName")!,
            ["year"] = StaffSession.Field(preview, "year")!,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
