namespace Saas.Kernel.Mail;

/// <summary>
/// What a mail says, already in the recipient's language. <see cref="MailComposer"/> frames it
/// (greeting, sign-off, link fallback, layout) the same way for every module.
/// </summary>
/// <param name="Subject">The subject line, also the HTML document's title.</param>
/// <param name="Paragraphs">The message, one entry per paragraph; line breaks inside one are kept.</param>
public sealed record MailContent(string Subject, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The salutation, e.g. "Guten Tag Frau Muster,"; a neutral one when not set.</summary>
    public string? Greeting { get; init; }

    /// <summary>The one thing the recipient should do, shown as a button and as a plain link.</summary>
    public MailAction? Action { get; init; }

    /// <summary>Further links (e.g. reschedule besides cancel), shown as plain links after the action.</summary>
    public IReadOnlyList<MailAction> Links { get; init; } = [];

    /// <summary>Why the recipient gets this mail and how to stop it; shown small below the signature.</summary>
    public string? Footer { get; init; }

    /// <summary>Who signs; the current town's name (or the platform's) when not set.</summary>
    public string? Signature { get; init; }
}

/// <summary>A call to action: button text and the http(s) address it opens.</summary>
public sealed record MailAction(string Text, Uri Url);

/// <summary>A composed mail in one language, ready to address.</summary>
public sealed record ComposedMail(string Subject, string Text, string Html, string Culture)
{
    /// <summary>The mail addressed to one person.</summary>
    public MailMessage To(string address, string? name = null) =>
        new(address, name, Subject, Text) { HtmlBody = Html, Culture = Culture };
}
