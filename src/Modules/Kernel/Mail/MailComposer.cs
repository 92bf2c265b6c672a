using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Saas.Kernel.Branding;
using Saas.Kernel.Localization;
using Saas.Kernel.Tenancy;

namespace Saas.Kernel.Mail;

/// <summary>
/// Turns <see cref="MailContent"/> into a plain-text body and a simple, accessible HTML body
/// (language attribute, real paragraphs, one button that is a real link with its address
/// repeated as text). All text passed in is treated as untrusted and encoded; the wording of
/// the frame comes from <see cref="Texts"/> in German or English.
/// </summary>
public sealed class MailComposer(Texts texts, ITenantContext tenants)
{
    /// <summary>Shown outside any town, and as sender name of platform mails.</summary>
    public const string PlatformName = "Rathausplatz";

    private const string DefaultButtonColor = "#1f4e79";

    // Keeps umlauts readable in the source of the mail; still encodes < > & " ' and controls.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public ComposedMail Compose(CultureInfo culture, MailContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Links.Prepend(content.Action).OfType<MailAction>().FirstOrDefault(a => a.Url is not { IsAbsoluteUri: true, Scheme: "https" or "http" }) is { } action)
        {
            // A javascript: or data: address in a mail is an attack, and a relative one leads nowhere.
            throw new ArgumentException($"A mail's action needs an absolute http(s) address, not '{action.Url}'.", nameof(content));
        }
        var language = culture.TwoLetterISOLanguageName == Texts.English ? Texts.English : Texts.German;
        var words = CultureInfo.GetCultureInfo(language);
        var town = tenants.Current;
        var frame = new Frame(
            Greeting: content.Greeting ?? texts.Get("mail.greeting", words),
            SignOff: texts.Get("mail.signoff", words),
            Signature: content.Signature ?? town?.FullName ?? PlatformName,
            LinkFallback: texts.Get("mail.link.fallback", words),
            ButtonColor: ButtonColor(town));
        return new ComposedMail(
            OneLine(content.Subject),
            PlainText(content, frame),
            HtmlBody(content, frame, language),
            language);
    }

    private static string PlainText(MailContent content, Frame frame)
    {
        var text = new StringBuilder();
        text.Append(Normalize(frame.Greeting)).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(Normalize(paragraph)).Append("\n\n");
        }
        if (content.Action is { } action)
        {
            text.Append(Normalize(action.Text)).Append(":\n").Append(action.Url.AbsoluteUri).Append("\n\n");
        }
        foreach (var link in content.Links)
        {
            text.Append(Normalize(link.Text)).Append(":\n").Append(link.Url.AbsoluteUri).Append("\n\n");
        }
        text.Append(Normalize(frame.SignOff)).Append('\n').Append(Normalize(frame.Signature)).Append('\n');
        if (!string.IsNullOrWhiteSpace(content.Footer))
        {
            // "-- " is the signature separator mail clients recognise and grey out.
            text.Append("\n-- \n").Append(Normalize(content.Footer)).Append('\n');
        }
        return text.ToString();
    }

    private static string HtmlBody(MailContent content, Frame frame, string language)
    {
        var subject = Html.Encode(OneLine(content.Subject));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"").Append(language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(subject).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f3f3f3;\">\n")
            // Webmail clients drop <html lang>; the attribute on the content keeps the language for screen readers.
            .Append("<div role=\"article\" aria-label=\"").Append(subject).Append("\" lang=\"").Append(language)
            .Append("\" style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1a1a1a;")
            .Append("font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;\">\n");
        Paragraph(html, frame.Greeting);
        foreach (var paragraph in content.Paragraphs)
        {
            Paragraph(html, paragraph);
        }
        if (content.Action is { } action)
        {
            var url = Html.Encode(action.Url.AbsoluteUri);
            html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(url)
                .Append("\" style=\"display:inline-block;padding:12px 20px;border-radius:4px;background:").Append(frame.ButtonColor)
                .Append(";color:#ffffff;font-weight:bold;text-decoration:underline;\">")
                .Append(Encode(action.Text)).Append("</a></p>\n");
            html.Append("<p style=\"font-size:14px;\">").Append(Encode(frame.LinkFallback)).Append("<br>\n<a href=\"").Append(url)
                .Append("\" style=\"color:#1a1a1a;word-break:break-all;\">").Append(url).Append("</a></p>\n");
        }
        foreach (var link in content.Links)
        {
            html.Append("<p><a href=\"").Append(Html.Encode(link.Url.AbsoluteUri)).Append("\" style=\"color:#1a1a1a;\">")
                .Append(Encode(link.Text)).Append("</a></p>\n");
        }
        html.Append("<p>").Append(Encode(frame.SignOff)).Append("<br>\n").Append(Encode(frame.Signature)).Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(content.Footer))
        {
            html.Append("<hr style=\"border:0;border-top:1px solid #cccccc;margin:24px 0 16px;\">\n")
                .Append("<p style=\"font-size:14px;color:#555555;\">").Append(Encode(content.Footer)).Append("</p>\n");
        }
        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Paragraph(StringBuilder html, string text) =>
        html.Append("<p>").Append(Encode(text)).Append("</p>\n");

    /// <summary>Encodes untrusted text and keeps its line breaks.</summary>
    private static string Encode(string text) => string.Join("<br>\n", Normalize(text).Split('\n').Select(Html.Encode));

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The town's primary colour when white text on it stays readable, else a neutral blue.</summary>
    private static string ButtonColor(TenantSnapshot? town)
    {
        var color = town?.Branding.PrimaryColor;
        return color is not null && ContrastChecker.TryParse(color, out _) && ContrastChecker.Ratio(color, "#ffffff") >= ContrastChecker.Text
            ? color
            : DefaultButtonColor;
    }

    private sealed record Frame(string Greeting, string SignOff, string Signature, string LinkFallback, string ButtonColor);
}
