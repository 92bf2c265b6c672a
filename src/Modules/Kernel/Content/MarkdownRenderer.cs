using Ganss.Xss;
using Markdig;

namespace Saas.Kernel.Content;

/// <summary>
/// Turns editor Markdown into HTML that is safe to show: Markdig renders (raw HTML in the source
/// is escaped, not passed through) and HtmlSanitizer removes anything that could still run or
/// track: scripts, event handlers, styles, iframes, non-http(s) links, images from other sites.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Space and the C0 controls, which browsers strip from both ends of a URL.</summary>
    private static readonly char[] UrlBlanks = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? string.Empty, _pipeline);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Plain text of the Markdown (for feeds' summaries, meta descriptions).</summary>
    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? string.Empty, _pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "mark", "sub", "sup",
                "ul", "ol", "li", "blockquote", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "src", "alt", "start", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        // The page title is the page's only h1: a Markdown "# heading" keeps its text but loses the tag.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.GetAttribute("href") is { } href
                && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
            // An image from another site would tell that site who reads the page (the privacy
            // statement promises no third-party content): keep its alt text, drop the image.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } image && IsElsewhere(image.GetAttribute("src")))
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(image.GetAttribute("alt") ?? string.Empty));
            }
        };
        return sanitizer;
    }

    /// <summary>True unless <paramref name="src"/> is a path on the town's own site (no scheme, not protocol-relative).</summary>
    private static bool IsElsewhere(string? src)
    {
        // Read it the way a browser does: blanks at the ends and tabs or newlines inside vanish, '\' means '/'.
        var url = (src ?? string.Empty).Trim(UrlBlanks)
            .Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Replace('\\', '/');
        if (url.Length == 0 || url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        var end = url.AsSpan().IndexOfAny("/?#");
        return (end < 0 ? url.AsSpan() : url.AsSpan(0, end)).Contains(':');
    }
}
