using MimeKit;
using Saas.Host.Mail;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Mail;

public sealed class MimeMessageFactoryTests
{
    private static readonly MailboxAddress Platform = new("Rathausplatz", "noreply@rathausplatz.example");

    [Fact]
    public void A_towns_mail_is_from_the_platform_address_under_the_towns_name_with_reply_to_its_contact()
    {
        var town = Town("info@musterdorf.example");

        var message = Factory(town).Create(new MailMessage("anna@example.net", "Anna", "Betreff", "Text"));

        Assert.Equal(("Gemeinde Town musterdorf", "noreply@rathausplatz.example"), Mailbox(message.From));
        Assert.Equal(("Gemeinde Town musterdorf", "info@musterdorf.example"), Mailbox(message.ReplyTo));
        Assert.Equal(("Anna", "anna@example.net"), Mailbox(message.To));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero), message.Date);
        Assert.Equal("de", message.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public void A_town_without_contact_address_sends_without_reply_to() =>
        Assert.Empty(Factory(Town(null)).Create(new MailMessage("anna@example.net", null, "Betreff", "Text")).ReplyTo);

    [Fact]
    public void Without_a_town_the_platform_sends_under_its_own_name() =>
        Assert.Equal(("Rathausplatz", "noreply@rathausplatz.example"), Mailbox(Factory(null).Create(new MailMessage("anna@example.net", null, "Betreff", "Text")).From));

    [Theory]
    [InlineData("From")]
    [InlineData("reply-to")]
    [InlineData("Bcc")]
    [InlineData("Subject")]
    public void Headers_the_sender_owns_cannot_be_set_by_the_message(string header) =>
        Assert.Throws<ArgumentException>(() => Factory(null).Create(new MailMessage("anna@example.net", null, "Betreff", "Text")
        {
            Headers = new Dictionary<string, string> { [header] = "evil@example.org" },
        }));

    [Fact]
    public void A_header_value_with_a_line_break_is_refused() =>
        Assert.Throws<ArgumentException>(() => Factory(null).Create(new MailMessage("anna@example.net", null, "Betreff", "Text")
        {
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://x.example>\r\nBcc: evil@example.org" },
        }));

    [Theory]
    [InlineData("anna@example.net, evil@example.org")]
    [InlineData("anna")]
    [InlineData("")]
    [InlineData("Anna <anna@example.net>")]
    public void Anything_but_one_address_as_recipient_is_refused(string to) =>
        Assert.Throws<ArgumentException>(() => Factory(null).Create(new MailMessage(to, null, "Betreff", "Text")));

    [Fact]
    public void Line_breaks_in_subject_and_names_are_flattened()
    {
        var message = Factory(null).Create(new MailMessage("anna@example.net", "Anna\r\nBcc: evil@example.org", "Hallo\nBcc: evil@example.org", "Text"));

        Assert.Equal("Hallo Bcc: evil@example.org", message.Subject);
        Assert.Equal("Anna Bcc: evil@example.org", Assert.Single(message.To.Mailboxes).Name);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public void Html_and_attachments_make_a_multipart_mail_with_the_text_first()
    {
        var message = Factory(null).Create(new MailMessage("anna@example.net", null, "Betreff", "Text")
        {
            HtmlBody = "<p>Text</p>",
            Attachments = [new MailAttachment("termin.ics", "text/calendar", "BEGIN:VCALENDAR"u8.ToArray())],
        });

        Assert.Equal("Text", message.TextBody);
        Assert.Equal("<p>Text</p>", message.HtmlBody);
        Assert.Equal("termin.ics", Assert.Single(message.Attachments).ContentDisposition!.FileName);
    }

    private static MimeMessageFactory Factory(TenantSnapshot? town) =>
        new(Platform, new FixedTown(town), new FixedTime(new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero)));

    private static TenantSnapshot Town(string? email)
    {
        var town = Towns.Snapshot("musterdorf", TenantState.Active, "musterdorf.example.test", Guid.CreateVersion7());
        return town with { Contact = town.Contact with { Email = email } };
    }

    private static (string? Name, string Address) Mailbox(InternetAddressList list)
    {
        var mailbox = Assert.Single(list.Mailboxes);
        return (mailbox.Name, mailbox.Address);
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
