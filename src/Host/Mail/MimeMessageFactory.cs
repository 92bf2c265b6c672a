using System.Collections.Frozen;
using MimeKit;
using MimeKit.Utils;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Mail;

/// <summary>
/// Builds the MIME message: From is always the platform's address (towns have no mail server of
/// their own, and only the platform's domain can pass SPF/DKIM), shown with the current town's
/// name; Reply-To is the town's contact address, so answers reach the town hall.
/// </summary>
internal sealed class MimeMessageFactory(MailboxAddress platformSender, ITenantContext tenants, TimeProvider time)
{
    /// <summary>Headers the factory sets itself; a caller's copy would spoof the sender or break the message.</summary>
    private static readonly FrozenSet<string> Reserved = new[]
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Language", "Return-Path", "Received", "Auto-Submitted",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public string PlatformAddress => platformSender.Address;

    public MimeMessage Create(MailMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var town = tenants.Current;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(town?.FullName ?? MailComposer.PlatformName, platformSender.Address));
        if (town?.Contact.Email is { Length: > 0 } contact && MailboxAddress.TryParse(contact, out var replyTo))
        {
            message.ReplyTo.Add(new MailboxAddress(town.FullName, replyTo.Address));
        }
        message.To.Add(Recipient(mail));
        message.Subject = OneLine(mail.Subject);
        message.Date = time.GetUtcNow();
        message.MessageId = MimeUtils.GenerateMessageId(platformSender.Domain);
        // RFC 3834: out-of-office and other robots must not answer a machine-sent mail.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        foreach (var (name, value) in mail.Headers)
        {
            if (Reserved.Contains(name))
            {
                throw new ArgumentException($"The header '{name}' is set by the mail sender, not by the message.", nameof(mail));
            }
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"The header '{name}' contains a line break.", nameof(mail));
            }
            message.Headers.Add(name, value);
        }

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(OneLine(attachment.FileName), attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        // Content-* headers belong to the top MIME entity (MimeKit keeps them there when parsing too).
        message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Culture);
        return message;
    }

    private static MailboxAddress Recipient(MailMessage mail)
    {
        // One mailbox with a domain: "a@x.de, b@y.de" or a bare name is a caller's bug, never a list.
        if (!MailboxAddress.TryParse(mail.To, out var parsed) || string.IsNullOrEmpty(parsed.Domain) || parsed.Address != mail.To.Trim())
        {
            throw new ArgumentException($"'{mail.To}' is not a single e-mail address.", nameof(mail));
        }
        return new MailboxAddress(OneLine(mail.ToName ?? ""), parsed.Address);
    }

    /// <summary>Subjects and names may come from user input: a line break there must not start a new header.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
