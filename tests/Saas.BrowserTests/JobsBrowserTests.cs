using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Saas.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Saas.BrowserTests;

/// <summary>
/// The job offers end to end in a real browser: staff write and publish a posting, a resident finds it, the
/// page's JobPosting JSON-LD is read field by field, the resident applies with a PDF, staff see the application
/// and its file. Every page on the way passes axe-core at phone width.
/// </summary>
[Collection(AccountsBrowserFixture.Bookings)]
public sealed class JobsBrowserTests(AccountsBrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Given_staff_publish_a_posting_When_a_resident_finds_it_and_applies_with_a_PDF_Then_staff_see_the_application_with_its_file()
    {
        var origin = app.Origin(DemoTowns.BadBelzig);
        var title = $"Gärtner/in Stadtpark {app.Unique("stelle").Split('-')[1]}";
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var now = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), zone);
        var staff = await app.NewPageAsync(Viewports.Phone);
        var checks = new PageChecks(staff, Viewports.Phone);
        await app.Admins[DemoTowns.BadBelzig].SignInAsync(staff, origin, app.Clock, checks.CheckAsync);

        await checks.VisitAsync("jobs admin list", $"{origin}/admin/stellen");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Neue Stelle" }).First.ClickAsync();
        await staff.Locator("main form.admin-form button[type=submit]").Last.ClickAsync();
        await staff.Locator("main .alert--error").WaitForAsync();
        await checks.CheckAsync("new posting with errors");
        await staff.Locator("#f-title").FillAsync(title);
        await staff.Locator("#f-department").FillAsync("Grünflächen");
        await staff.Locator("#f-description").FillAsync("## Ihre Aufgaben\n\n- Pflege der Beete\n- Baumschnitt");
        await staff.Locator("#f-employmenttype").SelectOptionAsync("part_time");
        await staff.Locator("#f-hours").FillAsync("30 Stunden/Woche");
        await staff.Locator("#f-paygroup").FillAsync("E 5 TVöD");
        await staff.Locator("#f-location").FillAsync("Stadtpark Bad Belzig");
        await staff.Locator("#f-contact").FillAsync("Frau Demo\nTelefon 033841 0000-12");
        await staff.Locator("#f-deadline").FillAsync(now.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.Locator("#f-publishat").FillAsync(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await staff.Locator("main form.admin-form button[type=submit]").Last.ClickAsync();
        await staff.WaitForURLAsync("**gespeichert=1");
        await checks.CheckAsync("posting saved");
        var postingId = staff.Url.Split('/')[^1].Split('?')[0];

        var resident = await app.NewPageAsync(Viewports.Phone);
        var residentChecks = new PageChecks(resident, Viewports.Phone);
        await residentChecks.VisitAsync("job list", $"{origin}/stellen");
        await resident.Locator("#bereich").SelectOptionAsync("Grünflächen");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await resident.Locator("main h1").WaitForAsync();
        await residentChecks.CheckAsync("job posting");
        await Artifacts.ScreenshotAsync(resident, "job-posting-phone");

        var json = JsonDocument.Parse(await resident.Locator("script[type='application/ld+json']").TextContentAsync() ?? "").RootElement;
        Assert.Equal("JobPosting", json.GetProperty("@type").GetString());
        Assert.Equal(title, json.GetProperty("title").GetString());
        Assert.Contains("<li>Pflege der Beete</li>", json.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), json.GetProperty("datePosted").GetDateTimeOffset().ToOffset(now.Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var validThrough = json.GetProperty("validThrough").GetDateTimeOffset();
        Assert.Equal(DateOnly.FromDateTime(now.AddDays(21).Date), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(validThrough, zone).DateTime));
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(validThrough, zone).TimeOfDay);
        Assert.Equal("PART_TIME", json.GetProperty("employmentType").GetString());
        Assert.Equal("Organization", json.GetProperty("hiringOrganization").GetProperty("@type").GetString());
        Assert.Equal("Stadtverwaltung Bad Belzig", json.GetProperty("hiringOrganization").GetProperty("name").GetString());
        Assert.Equal("Stadtpark Bad Belzig", json.GetProperty("jobLocation").GetProperty("name").GetString());
        Assert.Equal("Bad Belzig", json.GetProperty("jobLocation").GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("14806", json.GetProperty("jobLocation").GetProperty("address").GetProperty("postalCode").GetString());

        await resident.GetByRole(AriaRole.Link, new() { Name = "Jetzt online bewerben" }).ClickAsync();
        await resident.Locator("#f-name").WaitForAsync();
        await residentChecks.CheckAsync("application form");
        var email = $"{app.Unique("bewerbung")}@example.org";
        await resident.Locator("#f-name").FillAsync("Greta Grün");
        await resident.Locator("#f-email").FillAsync(email);
        await resident.Locator("#f-coverletter").FillAsync("Ich pflege seit zehn Jahren Gärten.");
        await resident.Locator("#f-anhaenge").SetInputFilesAsync(new FilePayload { Name = "lebenslauf.pdf", MimeType = "application/pdf", Buffer = Pdf() });
        await resident.GetByRole(AriaRole.Button, new() { Name = "Bewerbung absenden" }).ClickAsync();
        await Assertions.Expect(resident.Locator("main .alert--success")).ToContainTextAsync("Vielen Dank für Ihre Bewerbung");
        await residentChecks.CheckAsync("application sent");
        await app.Mail.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        await resident.Context.CloseAsync();

        await checks.VisitAsync("applications of the posting", $"{origin}/admin/stellen/stelle/{postingId}/bewerbungen");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Greta Grün" }).ClickAsync();
        await staff.Locator("main h1").WaitForAsync();
        await checks.CheckAsync("application");
        await Artifacts.ScreenshotAsync(staff, "admin-job-application-phone");
        Assert.Contains("Ich pflege seit zehn Jahren Gärten.", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var href = await staff.GetByRole(AriaRole.Link, new() { Name = "lebenslauf.pdf" }).GetAttributeAsync("href");
        // Fetched from inside the page (the browser resolves *.localhost, Playwright's own client does not), with the staff session.
        var download = await staff.EvaluateAsync<string[]>(
            "async href => { const r = await fetch(href); return [String(r.status), r.headers.get('content-type'), (await r.text()).slice(0, 5)]; }", href);
        Assert.Equal(["200", "application/pdf", "%PDF-"], download);
        await staff.Context.CloseAsync();

        output.WriteLine($"{checks.Problems.Count + residentChecks.Problems.Count} problem(s)");
        checks.AssertNone();
        residentChecks.AssertNone();
    }

    private static byte[] Pdf() => System.Text.Encoding.Latin1.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
        "xref\n0 3\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n100\n%%EOF\n");
}
