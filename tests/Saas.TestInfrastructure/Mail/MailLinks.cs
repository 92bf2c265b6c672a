using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Saas.TestInfrastructure.Mail;

/// <summary>Finds the links in a received mail, so a test can "click" a confirmation link.</summary>
public static partial class MailLinks
{
    /// <summary>Every http(s) link of the plain-text body, then of the HTML body (hrefs, decoded), without duplicates.</summary>
    public static IReadOnlyList<Uri> Links(this MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fromText = TextUrl().Matches(message.TextBody ?? "").Select(m => m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?'));
        var fromHtml = Href().Matches(message.HtmlBody ?? "").Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value));
        return [.. fromText.Concat(fromHtml)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme is "http" or "https")
            .Distinct()];
    }

    /// <summary>The first link whose path starts with <paramref name="pathPrefix"/> (e.g. <c>/konto/bestaetigen</c>).</summary>
    /// <exception cref="InvalidOperationException">No such link; the message lists the links found.</exception>
    public static Uri FirstLink(this MimeMessage message, string pathPrefix)
    {
        var links = message.Links();
        return links.FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"The mail \"{message.Subject}\" has no link to {pathPrefix}; it links to: {(links.Count == 0 ? "nothing" : string.Join(", ", links))}");
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex TextUrl();

    [GeneratedRegex(@"href\s*=\s*(?:""(?<url>[^""]*)""|'(?<url>[^']*)')", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
