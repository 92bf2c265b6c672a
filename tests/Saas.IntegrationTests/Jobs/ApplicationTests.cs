using System.Net;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Jobs;

/// <summary>Applying online: what is stored, what the applicant is told, what staff get to see.</summary>
[Collection(JobsCollection.Name)]
public sealed class ApplicationTests(JobsFixture town)
{
    private const string Kita = "erzieher-in-kita";

    [Fact]
    public async Task Given_an_application_with_two_PDFs_Then_it_is_stored_outside_the_web_root_confirmed_by_mail_and_shown_to_staff_with_its_files()
    {
        var (response, html, formId) = await town.ApplyAsync(Kita, "Erika Muster", "erika@example.org", "Ich bewerbe mich gern.",
            [("lebenslauf.pdf", JobsFixture.Pdf("Lebenslauf Erika")), ("zeugnis.pdf", JobsFixture.Pdf("Zeugnis"))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vielen Dank für Ihre Bewerbung", html, StringComparison.Ordinal);
        var mail = await town.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains("erika@example.org", StringComparison.Ordinal));
        Assert.Contains("Erzieher/in Kita", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(2, await town.CountAsync($"SELECT count(*) FROM jobs_attachments WHERE tenant_id = @t AND application_id = '{formId}'", town.TownA));
        var folder = Path.Combine(town.AttachmentRoot, town.TownA.ToString("N"), formId.ToString("N"));
        Assert.Equal(2, Directory.GetFiles(folder, "*.pdf").Length);
        Assert.DoesNotContain("wwwroot", town.AttachmentRoot, StringComparison.OrdinalIgnoreCase);

        var staff = await town.StaffAsync(town.AdminA);
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync($"/admin/stellen/stelle/{await PostingIdAsync(Kita)}/bewerbungen"));
        Assert.Contains("Erika Muster", list, StringComparison.Ordinal);
        Assert.Contains("Eingegangen", list, StringComparison.Ordinal);
        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/admin/stellen/bewerbung/{formId}"));
        Assert.Contains("Ich bewerbe mich gern.", detail, StringComparison.Ordinal);
        var attachment = await town.IdAsync($"SELECT id FROM jobs_attachments WHERE tenant_id = @t AND application_id = '{formId}' AND file_name = 'lebenslauf.pdf'", town.TownA);
        using var download = await staff.GetAsync($"/admin/stellen/anhang/{attachment}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("Lebenslauf Erika", System.Text.Encoding.Latin1.GetString(await download.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_staff_set_a_status_with_the_invitation_template_Then_the_applicant_gets_that_text_and_the_list_shows_the_status()
    {
        var (_, _, formId) = await town.ApplyAsync(Kita, "Paul Probe", "paul@example.org", "Anschreiben", [("cv.pdf", JobsFixture.Pdf())]);
        var staff = await town.StaffAsync(town.AdminA);
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/admin/stellen/bewerbung/{formId}?vorlage=invited"));
        Assert.Contains("Vorstellungsgespräch", page, StringComparison.Ordinal);

        using var saved = await StaffSession.PostAsync(staff, $"/admin/stellen/bewerbung/{formId}",
            new() { ["Status"] = "invited", ["Send"] = "true", ["Message"] = "Wir laden Sie zum Gespräch am 14. Dezember ein." });

        Assert.Contains("Nachricht verschickt", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var answer = await town.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains("paul@example.org", StringComparison.Ordinal)
            && (m.TextBody ?? "").Contains("14. Dezember", StringComparison.Ordinal));
        Assert.NotNull(answer);
        Assert.Equal(1, await town.CountAsync($"SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND id = '{formId}' AND status = 'invited'", town.TownA));
    }

    [Fact]
    public async Task Given_the_same_form_sent_twice_Then_one_application_and_one_confirmation_are_stored()
    {
        var client = town.Factory.ClientFor(JobsFixture.HostA, https: true);
        var (first, _, formId) = await town.ApplyAsync(Kita, "Doppel Klick", "doppel@example.org", "Einmal", [("a.pdf", JobsFixture.Pdf())], client: client);
        var (second, html, _) = await town.ApplyAsync(Kita, "Doppel Klick", "doppel@example.org", "Einmal", [("a.pdf", JobsFixture.Pdf())], formId: formId, client: client);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Vielen Dank für Ihre Bewerbung", html, StringComparison.Ordinal);
        Assert.Equal(1, await town.CountAsync("SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND email = 'doppel@example.org'", town.TownA));
        Assert.Equal(1, await town.CountAsync($"SELECT count(*) FROM jobs_attachments WHERE tenant_id = @t AND application_id = '{formId}'", town.TownA));
        await town.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains("doppel@example.org", StringComparison.Ordinal));
        await Task.Delay(500);
        Assert.Single(town.Smtp.Messages, m => m.To.ToString().Contains("doppel@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_posting_with_an_external_portal_Then_it_links_there_and_has_no_online_form()
    {
        var page = await town.Factory.ClientFor(JobsFixture.HostA).GetStringAsync("/stellen/mitarbeiter-in-bauhof");
        Assert.Contains("href=\"https://www.interamt.de/stelle/1\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await town.Factory.ClientFor(JobsFixture.HostA).GetAsync("/stellen/mitarbeiter-in-bauhof/bewerben")).StatusCode);
    }

    private Task<Guid> PostingIdAsync(string slug) => town.IdAsync($"SELECT id FROM jobs_postings WHERE tenant_id = @t AND slug = '{slug}'", town.TownA);
}
