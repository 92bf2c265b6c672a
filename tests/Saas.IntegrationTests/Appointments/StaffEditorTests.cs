using System.Net;
using System.Net.Http.Json;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The service and location editors: round trips, German form errors without a half-saved row, escaping, double submits, audit.</summary>
[Collection(StaffCollection.Name)]
public sealed class StaffEditorTests(StaffFixture town)
{
    [Fact]
    public async Task A_new_service_with_a_buffer_is_saved_shown_escaped_offered_by_the_api_and_audited()
    {
        var admin = await town.AdminAsync();
        var (_, location) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");

        var saved = await StaffSession.PostAsync(admin, "/admin/termine/dienstleistung", new()
        {
            ["Name"] = "Führerschein <script>alert(1)</script>",
            ["Description"] = "Umtausch des alten Führerscheins",
            ["WhatToBring"] = "Alter Führerschein, Foto",
            ["Duration"] = "30",
            ["Buffer"] = "15",
            ["FeeNote"] = "25,30 €",
            ["LocationId"] = location.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/termine?erledigt=dienstleistung", saved.Headers.Location?.OriginalString);
        var list = await admin.GetStringAsync("/admin/termine");
        Assert.Contains("Führerschein &lt;script&gt;alert(1)&lt;/script&gt;", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", list, StringComparison.Ordinal);
        Assert.Contains("30 Minuten, danach 15 Minuten Puffer", list, StringComparison.Ordinal);
        Assert.Equal(15, await town.OwnerScalarAsync<int>("SELECT buffer_minutes FROM appointments_services WHERE tenant_id = @t AND name LIKE 'Führerschein%'", town.TownA));
        Assert.Equal(1, await town.OwnerScalarAsync<int>(
            "SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND action = 'appointments.service.created' AND target LIKE 'Führerschein%'", town.TownA));

        // The buffer shapes the slots: Tuesday 9-12, 30 minutes + 15 buffer on a 15-minute grid; a booking at 09:00 keeps 09:30 full for one seat.
        var (service, _) = await town.ServiceAsync(StaffFixture.HostA, "Führerschein");
        await town.BookAsync(StaffFixture.HostA, service, "2026-12-15T09:00:00+01:00", "Erste Person", "erste@example.org");
        var slots = await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-15");
        Assert.Equal(1, slots["09:30"]); // two counters, one taken by the buffer of the 09:00 booking
        Assert.Equal(2, slots["09:45"]);
        Assert.Equal("11:30", slots.Keys.Where(k => string.CompareOrdinal(k, "12:00") < 0).Max());
    }

    [Fact]
    public async Task Bad_service_input_answers_german_errors_and_saves_nothing()
    {
        var admin = await town.AdminAsync();
        var (_, locationOfB) = await town.ServiceAsync(StaffFixture.HostB, "Anmeldung");
        var before = await town.SnapshotAsync(town.TownA);

        var refused = await StaffSession.PostAsync(admin, "/admin/termine/dienstleistung", new()
        {
            ["Name"] = "   ",
            ["Description"] = "x",
            ["Duration"] = "zehn",
            ["Buffer"] = "999",
            ["LocationId"] = locationOfB.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Bitte prüfen Sie Ihre Eingaben", page, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie einen Namen ein.", page, StringComparison.Ordinal);
        Assert.Contains("Die Dauer muss eine ganze Zahl von 5 bis 480 Minuten sein.", page, StringComparison.Ordinal);
        Assert.Contains("Der Puffer muss eine ganze Zahl von 0 bis 240 Minuten sein.", page, StringComparison.Ordinal);
        Assert.Contains("Bitte wählen Sie einen Standort dieser Gemeinde.", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await town.SnapshotAsync(town.TownA));
    }

    [Fact]
    public async Task The_same_new_service_sent_twice_is_stored_once_and_the_second_form_says_why()
    {
        var admin = await town.AdminAsync();
        var (_, location) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        Dictionary<string, string> Form() => new()
        {
            ["Name"] = "Meldebescheinigung",
            ["Description"] = "Bescheinigung über den Wohnsitz",
            ["WhatToBring"] = "Ausweis",
            ["Duration"] = "15",
            ["LocationId"] = location.ToString(),
        };

        var first = await StaffSession.PostAsync(admin, "/admin/termine/dienstleistung", Form());
        var second = await StaffSession.PostAsync(admin, "/admin/termine/dienstleistung", Form());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Eine Dienstleistung mit diesem Namen gibt es schon.", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await town.OwnerScalarAsync<int>("SELECT count(*) FROM appointments_services WHERE tenant_id = @t AND name = 'Meldebescheinigung'", town.TownA));
    }

    [Fact]
    public async Task An_existing_service_is_edited_in_place_and_the_form_shows_its_values()
    {
        var admin = await town.AdminAsync();
        var (service, location) = await town.ServiceAsync(StaffFixture.HostA, "Personalausweis");
        var form = await admin.GetStringAsync($"/admin/termine/dienstleistung/{service}");
        Assert.Contains("value=\"30\"", form, StringComparison.Ordinal);

        var saved = await StaffSession.PostAsync(admin, $"/admin/termine/dienstleistung/{service}", new()
        {
            ["Name"] = "Personalausweis amt-a",
            ["Description"] = "Ausweis beantragen",
            ["WhatToBring"] = "Foto",
            ["Duration"] = "45",
            ["Buffer"] = "0",
            ["FeeNote"] = "37 €",
            ["LocationId"] = location.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(45, await town.OwnerScalarAsync<int>($"SELECT duration_minutes FROM appointments_services WHERE tenant_id = @t AND id = '{service}'", town.TownA));
        Assert.Equal(1, await town.OwnerScalarAsync<int>("SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND action = 'appointments.service.changed' AND target = 'Personalausweis amt-a'", town.TownA));
    }

    [Fact]
    public async Task A_location_is_created_and_its_weekly_hours_special_days_and_closed_days_are_checked_and_kept()
    {
        var admin = await town.AdminAsync();
        var created = await StaffSession.PostAsync(admin, "/admin/termine/standort", new()
        {
            ["Name"] = "Außenstelle Nord",
            ["Street"] = "Dorfstraße 3",
            ["PostalCode"] = "14827",
            ["City"] = "Nordheim",
            ["AccessibilityNote"] = "Rampe am Seiteneingang",
            ["Counters"] = "1",
            ["SlotMinutes"] = "20",
            ["NoticeMinutes"] = "60",
            ["HorizonDays"] = "90",
            ["MaxPerEmail"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        Assert.StartsWith("/admin/termine/standort/", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, page + "?handler=Hours", new() { ["Weekday"] = "3", ["Opens"] = "08:00", ["Closes"] = "12:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, page + "?handler=Hours", new() { ["Weekday"] = "3", ["Opens"] = "13:00", ["Closes"] = "15:00" })).StatusCode);
        var overlap = await StaffSession.PostAsync(admin, page + "?handler=Hours", new() { ["Weekday"] = "3", ["Opens"] = "11:00", ["Closes"] = "14:00" });
        Assert.Equal(HttpStatusCode.OK, overlap.StatusCode);
        Assert.Contains("überschneidet sich", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var backwards = await StaffSession.PostAsync(admin, page + "?handler=Special", new() { ["Day"] = "2026-12-19", ["Opens"] = "12:00", ["Closes"] = "10:00" });
        Assert.Contains("Das Ende muss nach dem Beginn liegen.", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noDate = await StaffSession.PostAsync(admin, page + "?handler=Closed", new() { ["Day"] = "31.12.2026" });
        Assert.Contains("Bitte geben Sie ein gültiges Datum ein.", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, page + "?handler=Special", new() { ["Day"] = "2026-12-19", ["Opens"] = "10:00", ["Closes"] = "11:00", ["Note"] = "Adventsmarkt <b>Nord</b>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, page + "?handler=Closed", new() { ["Day"] = "2026-12-16", ["Note"] = "Fortbildung" })).StatusCode);

        var sheet = await admin.GetStringAsync(page);
        Assert.Contains("08:00–12:00", sheet, StringComparison.Ordinal);
        Assert.Contains("13:00–15:00", sheet, StringComparison.Ordinal);
        Assert.Contains("Adventsmarkt &lt;b&gt;Nord&lt;/b&gt;", sheet, StringComparison.Ordinal);
        Assert.Contains("Fortbildung", sheet, StringComparison.Ordinal);
        Assert.Equal(2, await town.OwnerScalarAsync<int>(
            "SELECT count(*) FROM appointments_opening_hours h JOIN appointments_locations l ON l.tenant_id = h.tenant_id AND l.id = h.location_id WHERE h.tenant_id = @t AND l.name = 'Außenstelle Nord'", town.TownA));
        // The cap per e-mail address the booking transaction enforces (CapAndDoubleSubmitTests) is set here.
        Assert.Equal(2, await town.OwnerScalarAsync<int>("SELECT max_active_bookings_per_email FROM appointments_locations WHERE tenant_id = @t AND name = 'Außenstelle Nord'", town.TownA));
        Assert.Equal(5, await town.OwnerScalarAsync<int>(
            "SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND target = 'Außenstelle Nord' AND action IN ('appointments.location.created', 'appointments.hours.added', 'appointments.special.added', 'appointments.closed.added')", town.TownA));
    }

    [Fact]
    public async Task Bad_location_input_answers_german_errors_and_saves_nothing()
    {
        var admin = await town.AdminAsync();
        var before = await town.SnapshotAsync(town.TownA);

        var refused = await StaffSession.PostAsync(admin, "/admin/termine/standort", new()
        {
            ["Name"] = "Bürgerbüro amt-a", // taken
            ["Street"] = "",
            ["PostalCode"] = "12a",
            ["City"] = "Ort",
            ["Counters"] = "0",
            ["SlotMinutes"] = "1",
            ["NoticeMinutes"] = "-5",
            ["HorizonDays"] = "9999",
            ["MaxPerEmail"] = "0",
        });

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Einen Standort mit diesem Namen gibt es schon.", page, StringComparison.Ordinal);
        Assert.Contains("Die Postleitzahl besteht aus 4 bis 10 Ziffern.", page, StringComparison.Ordinal);
        Assert.Contains("Die Zahl der Schalter muss von 1 bis 100 reichen.", page, StringComparison.Ordinal);
        Assert.Contains("Das Raster muss eine ganze Zahl von 5 bis 240 Minuten sein.", page, StringComparison.Ordinal);
        Assert.Contains("Der Buchungszeitraum muss von 1 bis 730 Tagen reichen.", page, StringComparison.Ordinal);
        Assert.Contains("Die Grenze je E-Mail-Adresse muss leer sein oder von 1 bis 50 reichen.", page, StringComparison.Ordinal);
        Assert.Equal(before, await town.SnapshotAsync(town.TownA));
    }

    [Fact]
    public async Task A_service_no_longer_offered_is_hidden_and_refused_for_new_bookings_keeps_its_bookings_and_can_be_offered_again()
    {
        var admin = await town.AdminAsync();
        var (_, location) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        var created = await StaffSession.PostAsync(admin, "/admin/termine/dienstleistung", new()
        {
            ["Name"] = "Fischereischein", ["Description"] = "Ausgabe", ["WhatToBring"] = "Prüfungszeugnis", ["Duration"] = "15", ["LocationId"] = location.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (service, _) = await town.ServiceAsync(StaffFixture.HostA, "Fischereischein");
        var booking = await town.BookAsync(StaffFixture.HostA, service, "2026-12-17T09:30:00+01:00", "Anton Angler", "angler@example.org");

        var retired = await StaffSession.PostAsync(admin, $"/admin/termine/dienstleistung/{service}?handler=Retire", [], tokenFrom: $"/admin/termine/dienstleistung/{service}");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        // Twice is once: the double submit changes nothing and records nothing.
        await StaffSession.PostAsync(admin, $"/admin/termine/dienstleistung/{service}?handler=Retire", [], tokenFrom: $"/admin/termine/dienstleistung/{service}");
        Assert.Equal(1, await town.OwnerScalarAsync<int>("SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND action = 'appointments.service.retired' AND target = 'Fischereischein'", town.TownA));

        Assert.DoesNotContain("Fischereischein", await town.Api(StaffFixture.HostA).GetStringAsync("/api/v1/appointments/services"), StringComparison.Ordinal);
        Assert.DoesNotContain("Fischereischein", await town.Api(StaffFixture.HostA).GetStringAsync("/termine"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await town.Api(StaffFixture.HostA).GetAsync($"/termine/{service}")).StatusCode);
        var refused = await town.Api(StaffFixture.HostA).PostAsJsonAsync("/api/v1/appointments/bookings",
            new { serviceId = service, start = "2026-12-17T10:00:00+01:00", name = "Berta Spät", email = "spaet@example.org" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await town.OwnerScalarAsync<int>("SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND email = 'spaet@example.org'", town.TownA));
        // What was booked stands and stays in the staff's plan.
        Assert.Contains("Anton Angler", await admin.GetStringAsync("/admin/termine/tagesplan?tag=2026-12-17"), StringComparison.Ordinal);
        Assert.Equal(1, await town.OwnerScalarAsync<int>($"SELECT count(*) FROM appointments_bookings WHERE id = '{booking}' AND cancelled_at IS NULL", town.TownA));
        Assert.Contains("nicht mehr angeboten", System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/termine")), StringComparison.Ordinal);

        var offered = await StaffSession.PostAsync(admin, $"/admin/termine/dienstleistung/{service}?handler=Offer", [], tokenFrom: $"/admin/termine/dienstleistung/{service}");
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.Contains("Fischereischein", await town.Api(StaffFixture.HostA).GetStringAsync("/api/v1/appointments/services"), StringComparison.Ordinal);
        Assert.Contains("10:00", (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-17")).Keys);
    }
}
