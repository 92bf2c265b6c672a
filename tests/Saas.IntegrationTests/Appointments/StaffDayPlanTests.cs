using System.Net;
using System.Text;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>Day plan, attendance, cancelling with a mailed message, print view and CSV export, as staff use them.</summary>
[Collection(StaffCollection.Name)]
public sealed class StaffDayPlanTests(StaffFixture town)
{
    [Fact]
    public async Task The_day_plan_shows_who_comes_when_for_what_and_where_and_marks_attendance()
    {
        var (service, _) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        var booking = await town.BookAsync(StaffFixture.HostA, service, "2026-12-08T10:15:00+01:00", "Jana <i>Schulz</i>", "jana@example.org");
        var admin = await town.AdminAsync();

        var plan = await admin.GetStringAsync("/admin/termine/tagesplan?tag=2026-12-08");
        Assert.Contains("Tagesplan für Dienstag, 8. Dezember 2026", plan, StringComparison.Ordinal);
        Assert.Contains("10:15–10:30", plan, StringComparison.Ordinal);
        Assert.Contains("Jana &lt;i&gt;Schulz&lt;/i&gt;", plan, StringComparison.Ordinal);
        Assert.Contains("Anmeldung amt-a", plan, StringComparison.Ordinal);
        Assert.Contains("Bürgerbüro amt-a", plan, StringComparison.Ordinal);

        var marked = await StaffSession.PostAsync(admin, "/admin/termine/tagesplan?handler=Mark", new() { ["Booking"] = booking.ToString(), ["Attendance"] = "no_show" }, tokenFrom: "/admin/termine/tagesplan");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal("no_show", await town.OwnerScalarAsync<string>($"SELECT attendance FROM appointments_bookings WHERE tenant_id = @t AND id = '{booking}'", town.TownA));
        Assert.Contains("Nicht erschienen", await admin.GetStringAsync("/admin/termine/tagesplan?tag=2026-12-08"), StringComparison.Ordinal);
        var nonsense = await StaffSession.PostAsync(admin, "/admin/termine/tagesplan?handler=Mark", new() { ["Booking"] = booking.ToString(), ["Attendance"] = "vielleicht" }, tokenFrom: "/admin/termine/tagesplan");
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
        Assert.Equal(1, await town.OwnerScalarAsync<int>("SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND action = 'appointments.booking.marked'", town.TownA));

        var week = await admin.GetStringAsync("/admin/termine/woche?ab=2026-12-09");
        Assert.Contains("Montag, 7. Dezember 2026", week, StringComparison.Ordinal);
        Assert.Contains("Jana &lt;i&gt;Schulz&lt;/i&gt;", week, StringComparison.Ordinal);

        var print = await admin.GetStringAsync("/admin/termine/tagesplan/druck?tag=2026-12-08");
        Assert.Contains("Jana &lt;i&gt;Schulz&lt;/i&gt;", print, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-nav", print, StringComparison.Ordinal);
        Assert.Contains("/themes/admin.css", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cancel_with_a_message_mails_it_to_the_resident_frees_the_seat_and_a_second_submit_changes_nothing()
    {
        var (service, _) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        // Two counters: two bookings fill 09:30 on Wednesday.
        var booking = await town.BookAsync(StaffFixture.HostA, service, "2026-12-09T09:30:00+01:00", "Paul Lehmann", "paul.lehmann@example.org");
        await town.BookAsync(StaffFixture.HostA, service, "2026-12-09T09:30:00+01:00", "Rosa Krüger", "rosa@example.org");
        Assert.False((await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-09")).ContainsKey("09:30"));
        var admin = await town.AdminAsync();

        var empty = await StaffSession.PostAsync(admin, $"/admin/termine/buchung/{booking}/absagen", new() { ["Message"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Bitte schreiben Sie eine Nachricht", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await town.OwnerScalarAsync<int>($"SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND id = '{booking}' AND cancelled_at IS NOT NULL", town.TownA));

        var cancelled = await StaffSession.PostAsync(admin, $"/admin/termine/buchung/{booking}/absagen", new() { ["Message"] = "Wegen Krankheit ist das Bürgerbüro geschlossen. Bitte buchen Sie neu." });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal("/admin/termine/tagesplan?tag=2026-12-09&erledigt=abgesagt", cancelled.Headers.Location?.OriginalString);

        var mail = await town.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains("paul.lehmann@example.org", StringComparison.Ordinal) && (m.Subject ?? "").Contains("abgesagt", StringComparison.Ordinal));
        Assert.Contains("Anmeldung amt-a", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Wegen Krankheit ist das Bürgerbüro geschlossen.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mittwoch, 9. Dezember 2026, 09:30 Uhr", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-09"))["09:30"]);
        Assert.Equal("Wegen Krankheit ist das Bürgerbüro geschlossen. Bitte buchen Sie neu.",
            await town.OwnerScalarAsync<string>($"SELECT cancel_message FROM appointments_bookings WHERE tenant_id = @t AND id = '{booking}'", town.TownA));

        var again = await StaffSession.PostAsync(admin, $"/admin/termine/buchung/{booking}/absagen", new() { ["Message"] = "Noch einmal" }, tokenFrom: "/admin/termine");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-09"))["09:30"]); // not freed twice
        await Task.Delay(500);
        Assert.Single(town.Smtp.Messages, m => m.To.ToString().Contains("paul.lehmann@example.org", StringComparison.Ordinal) && (m.Subject ?? "").Contains("abgesagt", StringComparison.Ordinal));
        Assert.Equal(1, await town.OwnerScalarAsync<int>("SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND action = 'appointments.booking.cancelled'", town.TownA));
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_bom_semicolon_separated_and_defuses_formulas()
    {
        var (service, _) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        await town.BookAsync(StaffFixture.HostA, service, "2026-12-10T11:00:00+01:00", "=HYPERLINK(\"http://böse.example\";\"Klick\")", "formel@example.org");
        await town.BookAsync(StaffFixture.HostA, service, "2026-12-10T11:15:00+01:00", "Jörg Müller; \"Junior\"", "joerg@example.org");
        var admin = await town.AdminAsync();

        var response = await admin.GetAsync("/admin/termine/export?handler=Csv&von=2026-12-10&bis=2026-12-10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("\"Datum\";\"Beginn\";\"Ende\";\"Dienstleistung\";\"Standort\";\"Name\";\"E-Mail\";\"Status\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal("\"10.12.2026\";\"11:00\";\"11:15\";\"Anmeldung amt-a\";\"Bürgerbüro amt-a\";\"'=HYPERLINK(\"\"http://böse.example\"\";\"\"Klick\"\")\";\"formel@example.org\";\"Gebucht\"", lines[1]);
        Assert.Contains("\"Jörg Müller; \"\"Junior\"\"\"", lines[2], StringComparison.Ordinal);

        var badRange = await admin.GetAsync("/admin/termine/export?handler=Csv&von=2026-12-10&bis=2026-01-01");
        Assert.Equal(HttpStatusCode.OK, badRange.StatusCode);
        Assert.Contains("Das Ende darf nicht vor dem Anfang liegen", await badRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("text/html", badRange.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_the_appointment_figures()
    {
        var admin = await town.AdminAsync();

        var dashboard = await admin.GetStringAsync("/admin");

        Assert.Contains("Termine heute", dashboard, StringComparison.Ordinal);
        Assert.Contains("Auslastung nächste 7 Tage", dashboard, StringComparison.Ordinal);
        Assert.Contains("Nicht erschienen (%, letzte 4 Wochen)", dashboard, StringComparison.Ordinal);
        Assert.Contains("Vorlauf der Buchungen", dashboard, StringComparison.Ordinal);
    }
}
