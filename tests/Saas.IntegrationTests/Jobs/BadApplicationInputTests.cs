using System.Net;
using System.Text;

namespace Saas.IntegrationTests.Jobs;

/// <summary>Every refused application gets a German message on the form, and nothing is stored: no row, no file, no mail.</summary>
[Collection(JobsCollection.Name)]
public sealed class BadApplicationInputTests(JobsFixture town)
{
    private const string Slug = "sachbearbeiter-in-buergerbuero";

    public static TheoryData<string, string> BadFiles => new()
    {
        { "png", "keine PDF-Datei" },
        { "html", "keine PDF-Datei" },
        { "oversized", "größer als 10 MB" },
        { "encrypted", "verschlüsselt oder passwortgeschützt" },
        { "truncated", "beschädigt oder unvollständig" },
        { "empty", "leer" },
        { "four", "höchstens drei Dateien" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Given_a_bad_attachment_Then_the_form_says_why_and_nothing_is_stored(string kind, string message)
    {
        var email = $"bad-{kind}@example.org";
        var pdf = JobsFixture.Pdf();
        (string, byte[])[] files = kind switch
        {
            "png" => [("foto.pdf", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])],
            "html" => [("cv.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"))],
            "oversized" => [("gross.pdf", [.. pdf.Take(pdf.Length - 7), .. new byte[10 * 1024 * 1024], .. "\n%%EOF\n"u8.ToArray()])],
            "encrypted" => [("geheim.pdf", JobsFixture.Pdf(extraTrailer: "/Encrypt 5 0 R "))],
            "truncated" => [("halb.pdf", pdf[..(pdf.Length / 2)])],
            "empty" => [("leer.pdf", [])],
            _ => [("1.pdf", pdf), ("2.pdf", pdf), ("3.pdf", pdf), ("4.pdf", pdf)],
        };

        var (response, html, formId) = await town.ApplyAsync(Slug, "Bea Böse", email, "Anschreiben", files);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte prüfen Sie Ihre Eingaben", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("value=\"Bea Böse\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await town.CountAsync($"SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND (email = '{email}' OR id = '{formId}')", town.TownA));
        Assert.False(Directory.Exists(Path.Combine(town.AttachmentRoot, town.TownA.ToString("N"), formId.ToString("N"))));
        Assert.DoesNotContain(town.Smtp.Messages, m => m.To.ToString().Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_missing_name_letter_and_a_bad_address_Then_each_field_says_so_and_nothing_is_stored()
    {
        var (response, html, _) = await town.ApplyAsync(Slug, " ", "keine-adresse", "", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte geben Sie Ihren Namen an.", html, StringComparison.Ordinal);
        Assert.Contains("gültige E-Mail-Adresse", html, StringComparison.Ordinal);
        Assert.Contains("Bitte schreiben Sie ein Anschreiben.", html, StringComparison.Ordinal);
        Assert.Equal(0, await town.CountAsync("SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND email = 'keine-adresse'", town.TownA));
    }

    [Fact]
    public async Task Given_the_deadline_passed_while_the_form_was_open_Then_the_application_is_refused_and_the_posting_is_gone_from_list_page_and_feed()
    {
        var client = town.Factory.ClientFor(JobsFixture.HostA, https: true);
        await client.GetStringAsync($"/stellen/{Slug}/bewerben");
        var resume = town.Clock.GetUtcNow();
        try
        {
            // Deadline is 21 days after 7 December: 28 December, open until its end in Berlin.
            town.Clock.SetTo(new DateTimeOffset(2026, 12, 28, 23, 59, 0, TimeSpan.FromHours(1)));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/stellen/{Slug}")).StatusCode);
            town.Clock.SetTo(new DateTimeOffset(2026, 12, 29, 0, 0, 1, TimeSpan.FromHours(1)));

            var (response, html, _) = await town.ApplyAsync(Slug, "Zu Spät", "spaet@example.org", "Anschreiben", [("a.pdf", JobsFixture.Pdf())], client: client,
                formId: Guid.CreateVersion7());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Bewerbungsschluss ist vorbei", html, StringComparison.Ordinal);
            Assert.Equal(0, await town.CountAsync("SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND email = 'spaet@example.org'", town.TownA));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/stellen/{Slug}")).StatusCode);
            Assert.DoesNotContain(Slug, await client.GetStringAsync("/stellen"), StringComparison.Ordinal);
            Assert.DoesNotContain(Slug, await client.GetStringAsync("/stellen/rss.xml"), StringComparison.Ordinal);
        }
        finally
        {
            town.Clock.SetTo(resume);
        }
    }
}
