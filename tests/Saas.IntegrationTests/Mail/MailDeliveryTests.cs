using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Saas.Kernel.Mail;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Mail;

/// <summary>What a resident sees of a town's mail, received over real SMTP from the real MailKit sender.</summary>
public sealed class MailDeliveryTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Given_a_town_When_it_sends_a_mail_Then_it_comes_from_the_platform_address_under_the_towns_name_and_replies_go_to_the_town_hall()
    {
        var to = MailFixture.NewRecipient();

        await fixture.SendAsTownAsync(new MailMessage(to, "Erika Mustermann", "Ihr Termin", "Hallo."));

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal("Gemeinde Test post-a", from.Name);
        Assert.Equal(MailFixture.PlatformAddress, from.Address);
        var replyTo = Assert.Single(mail.ReplyTo.Mailboxes);
        Assert.Equal("info@post-a.example.org", replyTo.Address);
        Assert.Equal("Gemeinde Test post-a", replyTo.Name);
        var recipient = Assert.Single(mail.To.Mailboxes);
        Assert.Equal(("Erika Mustermann", to), (recipient.Name, recipient.Address));
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.EndsWith("@rathausplatz.example", mail.MessageId, StringComparison.Ordinal);
        var envelope = Assert.Single(fixture.Smtp.Received, r => r.Message == mail);
        Assert.Equal(MailFixture.PlatformAddress, envelope.MailFrom);
        Assert.Equal([to], envelope.Recipients);
    }

    [Fact]
    public async Task Given_no_town_When_the_platform_sends_Then_the_sender_is_Rathausplatz_and_there_is_no_reply_to()
    {
        var to = MailFixture.NewRecipient();

        using (NoTown.Begin())
        {
            await fixture.Factory.Services.GetRequiredService<IMailSender>().SendAsync(new MailMessage(to, null, "Willkommen", "Hallo."), CancellationToken.None);
        }

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.Equal("Rathausplatz", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Empty(mail.ReplyTo);
    }

    [Fact]
    public async Task Given_no_language_When_a_composed_mail_arrives_Then_it_is_German_and_signed_by_the_town()
    {
        var to = MailFixture.NewRecipient();
        var composed = await fixture.ComposeAsTownAsync(German, new MailContent("Ihre Anmeldung", ["Wir haben Ihre Anmeldung erhalten."]));

        await fixture.SendAsTownAsync(new MailMessage(to, null, composed.Subject, composed.Text) { HtmlBody = composed.Html });

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.Equal("Ihre Anmeldung", mail.Subject);
        Assert.Equal("de", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.StartsWith("Guten Tag,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mit freundlichen Grüßen\nGemeinde Test post-a", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_English_When_a_composed_mail_arrives_Then_its_frame_and_language_are_English()
    {
        var to = MailFixture.NewRecipient();
        var composed = await fixture.ComposeAsTownAsync(English, new MailContent("Your registration", ["We received your registration."])
        {
            Action = new MailAction("Confirm", new Uri("https://post-a.localhost/konto/bestaetigen?token=abc")),
        });

        await fixture.SendAsTownAsync(composed.To(to));

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.Equal("Your registration", mail.Subject);
        Assert.Equal("en", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.StartsWith("Hello,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kind regards", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("If the button does not work", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Guten Tag", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_confirmation_link_When_the_mail_arrives_Then_the_test_can_follow_it_with_its_query_intact()
    {
        var to = MailFixture.NewRecipient();
        var link = new Uri("https://post-a.localhost/konto/bestaetigen?user=42&token=a%2Bb%3D");
        var composed = await fixture.ComposeAsTownAsync(German, new MailContent("Bitte bestätigen", ["Ein Klick genügt."])
        {
            Action = new MailAction("E-Mail-Adresse bestätigen", link),
        });

        await fixture.SendAsTownAsync(composed.To(to));

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.Equal(link, mail.FirstLink("/konto/bestaetigen"));
        Assert.Contains("href=\"https://post-a.localhost/konto/bestaetigen?user=42&amp;token=a%2Bb%3D\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => mail.FirstLink("/passwort"));
    }

    [Fact]
    public async Task Given_user_text_with_a_script_When_the_html_mail_arrives_Then_the_script_is_shown_as_text_not_markup()
    {
        var to = MailFixture.NewRecipient();
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var composed = await fixture.ComposeAsTownAsync(German, new MailContent($"Anfrage von {Hostile}", [$"Ihre Nachricht: {Hostile}"])
        {
            Greeting = $"Guten Tag {Hostile},",
            Action = new MailAction(Hostile, new Uri("https://post-a.localhost/x?\"><script>")),
            Footer = Hostile,
        });

        await fixture.SendAsTownAsync(composed.To(to, Hostile));

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Ihre Nachricht: {Hostile}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"Anfrage von {Hostile}", mail.Subject);
    }

    [Fact]
    public async Task Given_attachments_When_the_mail_arrives_Then_each_file_arrives_byte_for_byte_with_its_name_and_type()
    {
        var to = MailFixture.NewRecipient();
        // Every byte value, and the sequences SMTP treats specially (CRLF, a line of just a dot).
        var binary = Enumerable.Range(0, 256).Select(i => (byte)i).Concat("\r\n.\r\n..\r\n"u8.ToArray()).Concat(Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))).ToArray();
        var calendar = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nSUMMARY:Termin im Bürgerbüro – Änderung\r\nEND:VCALENDAR\r\n");

        await fixture.SendAsTownAsync(new MailMessage(to, null, "Ihre Unterlagen", "Anbei.")
        {
            Attachments =
            [
                new MailAttachment("bescheid.pdf", "application/pdf", binary),
                new MailAttachment("termin.ics", "text/calendar", calendar),
            ],
        });

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        var files = mail.Attachments.OfType<MimePart>().ToDictionary(p => p.FileName ?? "");
        Assert.Equal(["bescheid.pdf", "termin.ics"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("application/pdf", files["bescheid.pdf"].ContentType.MimeType);
        Assert.Equal("text/calendar", files["termin.ics"].ContentType.MimeType);
        Assert.Equal(binary, Decode(files["bescheid.pdf"]));
        Assert.Equal(calendar, Decode(files["termin.ics"]));
        Assert.Equal("Anbei.", mail.TextBody!.TrimEnd());
    }

    [Fact]
    public async Task Given_lines_that_start_with_a_dot_When_sent_Then_they_arrive_unchanged()
    {
        var to = MailFixture.NewRecipient();
        const string Body = "Erste Zeile\n.\n..zwei Punkte\n. Punkt und Leerzeichen\nÄrger mit Umlauten: äöüß\n";

        await fixture.SendAsTownAsync(new MailMessage(to, null, "Punkte", Body));

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.Equal(Body, mail.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Given_one_click_unsubscribe_headers_When_sent_Then_they_arrive_as_given()
    {
        var to = MailFixture.NewRecipient();

        await fixture.SendAsTownAsync(new MailMessage(to, null, "Neuigkeiten", "Hallo.")
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = "<https://post-a.localhost/abmelden?t=123>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        });

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.Equal("<https://post-a.localhost/abmelden?t=123>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Given_a_subject_with_a_line_break_When_sent_Then_no_header_is_injected()
    {
        var to = MailFixture.NewRecipient();

        await fixture.SendAsTownAsync(new MailMessage(to, "Name\r\nBcc: victim@example.org", "Hallo\r\nBcc: victim@example.org", "Text"));

        var mail = await fixture.Smtp.WaitForMessageToAsync(to);
        Assert.Empty(mail.Bcc);
        Assert.False(mail.Headers.Contains(HeaderId.Bcc));
        Assert.Equal("Hallo Bcc: victim@example.org", mail.Subject);
        Assert.Equal([to], Assert.Single(fixture.Smtp.Received, r => r.Message == mail).Recipients);
    }

    private static byte[] Decode(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }
}
