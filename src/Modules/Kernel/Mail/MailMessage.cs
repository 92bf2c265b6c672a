namespace Saas.Kernel.Mail;

/// <summary>
/// One e-mail to one person. The sender adds From (the platform's address, shown with the
/// town's name), Reply-To (the town's contact address), Date and Message-ID; callers say only
/// what the mail is about. Compose bodies with <see cref="MailComposer"/> for a consistent look.
/// </summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's name as shown in the mail client, or <c>null</c>.</param>
/// <param name="Subject">The subject line; line breaks are replaced by spaces.</param>
/// <param name="TextBody">The plain-text body, always sent (screen readers, text-only clients, spam filters).</param>
public sealed record MailMessage(string To, string? ToName, string Subject, string TextBody)
{
    /// <summary>An HTML alternative to <see cref="TextBody"/>; every piece of user text in it must already be encoded.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Files sent along (an appointment's calendar entry, a PDF).</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Further headers, e.g. <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>
    /// (RFC 8058) on newsletters. Headers the sender sets itself (From, To, Subject, ...) are refused.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Language of the mail (<c>de</c> or <c>en</c>), sent as Content-Language; German when not set.</summary>
    public string Culture { get; init; } = Localization.Texts.German;
}

/// <summary>A file attached to a <see cref="MailMessage"/>.</summary>
/// <param name="FileName">The name the recipient sees, e.g. <c>termin.ics</c>.</param>
/// <param name="ContentType">The MIME type, e.g. <c>text/calendar</c> or <c>application/pdf</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
