using System.Net;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.WasteCalendar;

/// <summary>
/// Staff's disruption notices (shown escaped on the area's page, mailed once to confirmed subscribers,
/// the collection day moved) and recurring rules (holiday shift, exceptions, idempotent writing).
/// </summary>
[Collection(WasteCollection.Name)]
public sealed class WasteNoticeAndRuleTests(WasteFixture fixture)
{
    [Fact]
    public async Task Given_a_notice_with_a_moved_day_When_published_Then_the_area_shows_it_escaped_the_day_moves_and_subscribers_get_one_mail()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Hinweis Sturm");
        var other = await WasteAreas.CreateAsync(fixture, "Hinweis unberührt");
        var types = await fixture.TypeIdsAsync();
        await WasteSubscriptions.AddCollectionAsync(fixture, area, types["Restmüll"], new DateOnly(2026, 12, 9));
        await WasteSubscriptions.AddCollectionAsync(fixture, other, types["Restmüll"], new DateOnly(2026, 12, 9));
        var email = "sturm@abfall-a.example";
        var pending = "sturm-offen@abfall-a.example";
        await WasteSubscriptions.SubscribeAndConfirmAsync(fixture, area, email);
        Assert.Equal(HttpStatusCode.Redirect, (await WasteSubscriptions.SubscribeAsync(fixture, WasteSubscriptions.Resident(fixture), area, pending)).StatusCode);
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);

        var published = await StaffSession.PostAsync(admin, "/admin/abfall/hinweise", new()
        {
            ["text"] = "<script>alert('x')</script> Wegen Sturm fällt die Abfuhr aus.", ["gebiet"] = area.ToString(),
            ["movedFrom"] = "2026-12-09", ["movedTo"] = "2026-12-10",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await fixture.Client().GetStringAsync($"/abfall/{area}");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Wegen Sturm", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Wegen Sturm", await fixture.Client().GetStringAsync($"/abfall/{other}"), StringComparison.Ordinal);
        var rows = await fixture.CollectionsAsOwnerAsync(fixture.TownA);
        Assert.Contains("2026-12-10|Restmüll|Hinweis Sturm", rows);
        Assert.DoesNotContain("2026-12-09|Restmüll|Hinweis Sturm", rows);
        Assert.Contains("2026-12-09|Restmüll|Hinweis unberührt", rows);

        await WasteSubscriptions.RunJobTwiceAsync(fixture);
        var mail = await fixture.Smtp.WaitForMessageAsync(m => WasteSubscriptions.To(m, email) && (m.Subject ?? "").StartsWith("Hinweis zur Abfuhr", StringComparison.Ordinal));
        await WasteSubscriptions.RunJobTwiceAsync(fixture);
        await Task.Delay(500);
        Assert.Equal(1, WasteSubscriptions.MailsTo(fixture, email, "Hinweis zur Abfuhr"));
        Assert.Equal(0, WasteSubscriptions.MailsTo(fixture, pending, "Hinweis zur Abfuhr"));
        Assert.Contains("<script>alert('x')</script> Wegen Sturm", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        var overview = await admin.GetStringAsync("/admin/abfall");
        Assert.Contains("<th scope=\"row\">Hinweis Sturm</th><td>E-Mail</td><td>1</td><td>1</td>", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_friday_rule_over_christmas_When_written_twice_Then_holidays_shift_to_the_next_working_day_exceptions_apply_and_nothing_doubles()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Regel Weihnachten");
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);
        var types = await fixture.TypeIdsAsync();

        var created = await StaffSession.PostAsync(admin, "/admin/abfall/regeln", new()
        {
            ["areaId"] = area.ToString(), ["typeId"] = types["Bioabfall"].ToString(), ["everyWeeks"] = "1", ["weekday"] = "5",
            ["starts"] = "2026-12-01", ["ends"] = "2027-01-08",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rule = await fixture.ScalarGuidAsOwnerAsync($"SELECT id FROM waste_rules WHERE area_id = '{area}'");

        // 25 Dec (Friday) and 26 Dec are holidays, 27 Dec a Sunday: Monday 28; 1 January 2027 (Friday): Saturday 2.
        Assert.Equal(["2026-12-04", "2026-12-11", "2026-12-18", "2026-12-28", "2027-01-02", "2027-01-08"], await DatesAsync(area));

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, "/admin/abfall/regeln?handler=Ausnahme", new() { ["id"] = rule.ToString(), ["day"] = "2026-12-11" }, tokenFrom: "/admin/abfall/regeln")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, "/admin/abfall/regeln?handler=Ausnahme", new() { ["id"] = rule.ToString(), ["day"] = "2026-12-18", ["movedTo"] = "2026-12-19" }, tokenFrom: "/admin/abfall/regeln")).StatusCode);
        // Not a date of the rule: a German message, nothing changes.
        var wrong = await StaffSession.PostAsync(admin, "/admin/abfall/regeln?handler=Ausnahme", new() { ["id"] = rule.ToString(), ["day"] = "2026-12-15" }, tokenFrom: "/admin/abfall/regeln");
        Assert.Contains("kein Termin dieser Regel", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, "/admin/abfall/regeln?handler=Schreiben", new() { ["id"] = rule.ToString() }, tokenFrom: "/admin/abfall/regeln")).StatusCode);
        }

        Assert.Equal(["2026-12-04", "2026-12-19", "2026-12-28", "2027-01-02", "2027-01-08"], await DatesAsync(area));
    }

    [Fact]
    public async Task Given_bad_rule_and_notice_input_Then_german_errors_and_nothing_is_stored()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Regel Fehler");
        var admin = await StaffSession.SignInAsync(fixture.Factory, WasteFixture.HostA, fixture.AdminA, fixture.Clock);
        var types = await fixture.TypeIdsAsync();

        var rule = await StaffSession.PostAsync(admin, "/admin/abfall/regeln", new()
        {
            ["areaId"] = area.ToString(), ["typeId"] = types["Papier"].ToString(), ["everyWeeks"] = "2", ["weekday"] = "2",
            ["starts"] = "2027-05-01", ["ends"] = "2027-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, rule.StatusCode);
        Assert.Contains("Ende nicht vor dem Beginn", await rule.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notice = await StaffSession.PostAsync(admin, "/admin/abfall/hinweise", new() { ["text"] = "Ohne Gebiet", ["movedFrom"] = "kein Datum" });
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("beide Daten", await notice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_rules WHERE area_id = '{area}'"));
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync("SELECT count(*) FROM waste_notices WHERE text = 'Ohne Gebiet'"));
    }

    private async Task<string[]> DatesAsync(Guid area) =>
        [.. (await fixture.CollectionsAsOwnerAsync(fixture.TownA)).Where(r => r.EndsWith("|Regel Weihnachten", StringComparison.Ordinal)).Select(r => r.Split('|')[0])];
}
