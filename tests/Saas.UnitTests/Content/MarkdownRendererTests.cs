using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Saas.Kernel.Content;

namespace Saas.UnitTests.Content;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>");

    /// <summary>
    /// What must never be in rendered editor content. Raw HTML in the source comes out as escaped
    /// text, and that text may well say "onerror" or "javascript:"; so those words are looked for in
    /// the markup only (element names and attributes of the parsed result), never in the text.
    /// </summary>
    private static void AssertInert(string html)
    {
        foreach (var tag in new[] { "<script", "<iframe", "<svg", "<math", "<object", "<embed", "<style", "<form", "<input", "<base", "<link", "<meta" })
        {
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase); // escaped text reads "&lt;script"
        }
        var elements = Parse(html).Body!.QuerySelectorAll("*");
        var markup = string.Join("\n", elements.Select(e => $"<{e.LocalName} {string.Join(" ", e.Attributes.Select(a => $"{a.Name}=\"{a.Value}\""))}>"));
        foreach (var word in new[] { "onerror", "onload", "ontoggle", "javascript:", "vbscript:", "data:", "style=", "srcdoc" })
        {
            Assert.DoesNotContain(word, markup, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var element in elements)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on <{element.LocalName}>");
                if (attribute.Name is "href" or "src")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    var scheme = value.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? value[..colon].ToLowerInvariant() : null;
                    Assert.True(scheme is null or "http" or "https" or "mailto" or "tel", $"{attribute.Name}=\"{attribute.Value}\"");
                }
            }
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hallo <script src=\"https://evil.example/x.js\"></script> Welt")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<p style=\"position:fixed;top:0\">overlay</p>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("<form action=\"https://evil.example\"><input name=p><button>Go</button></form>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    public void Raw_HTML_in_the_source_never_survives(string markdown) => AssertInert(Renderer.ToSafeHtml(markdown));

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x]: javascript:alert(1)\n\n[link][x]")]
    public void Links_and_images_with_a_dangerous_scheme_lose_their_target(string markdown) => AssertInert(Renderer.ToSafeHtml(markdown));

    [Fact]
    public void Script_tags_written_as_text_are_shown_as_text()
    {
        var html = Renderer.ToSafeHtml("Beispiel: <script>alert(1)</script> bitte nicht ausführen.");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal("Beispiel: <script>alert(1)</script> bitte nicht ausführen.", Parse(html).Body!.TextContent.Trim());
        AssertInert(html);
    }

    [Fact]
    public void An_inline_event_handler_written_as_text_stays_text()
    {
        var html = Renderer.ToSafeHtml("<img src=x onerror=alert(1)>");

        Assert.Empty(Parse(html).QuerySelectorAll("img"));
        Assert.Contains("&lt;img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_lists_emphasis_and_tables_survive()
    {
        var html = Renderer.ToSafeHtml("""
            ## Was Sie wissen müssen

            - **Umleitung** ist ausgeschildert
            - *Gehweg* bleibt frei

            1. erstens
            2. zweitens

            | Tag | Uhrzeit |
            |-----|--------:|
            | Montag | 9-12 |

            > Zitat
            """);
        var body = Parse(html).Body!;

        Assert.Equal("Was Sie wissen müssen", body.QuerySelector("h2")?.TextContent);
        Assert.Equal(2, body.QuerySelectorAll("ul > li").Length);
        Assert.Equal(2, body.QuerySelectorAll("ol > li").Length);
        Assert.Equal("Umleitung", body.QuerySelector("li strong")?.TextContent);
        Assert.Equal("Gehweg", body.QuerySelector("li em")?.TextContent);
        Assert.Equal(["Tag", "Uhrzeit"], body.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(["Montag", "9-12"], body.QuerySelectorAll("table tbody td").Select(td => td.TextContent));
        Assert.NotNull(body.QuerySelector("blockquote"));
        AssertInert(html);
    }

    [Fact]
    public void An_https_link_survives_and_gets_rel_noopener_noreferrer()
    {
        var html = Renderer.ToSafeHtml("Siehe [Ratsinfo](https://ratsinfo.bad-belzig.example/sitzung?id=1&x=2 \"Ratsinformationssystem\").");
        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));

        Assert.Equal("https://ratsinfo.bad-belzig.example/sitzung?id=1&x=2", link.GetAttribute("href"));
        Assert.Equal("Ratsinformationssystem", link.GetAttribute("title"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("Ratsinfo", link.TextContent);
    }

    [Fact]
    public void An_autolinked_address_is_external_too()
    {
        var link = Assert.Single(Parse(Renderer.ToSafeHtml("Mehr unter https://wasser.bad-belzig.example/baustellen")).QuerySelectorAll("a"));

        Assert.Equal("https://wasser.bad-belzig.example/baustellen", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[Kontakt](/kontakt)", "/kontakt")]
    [InlineData("[Mail](mailto:info@bad-belzig.example.org)", "mailto:info@bad-belzig.example.org")]
    [InlineData("[Anruf](tel:+49338410000)", "tel:+49338410000")]
    public void Internal_mail_and_phone_links_survive_without_rel(string markdown, string href)
    {
        var link = Assert.Single(Parse(Renderer.ToSafeHtml(markdown)).QuerySelectorAll("a"));

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Null(link.GetAttribute("rel"));
    }

    [Fact]
    public void A_level_one_heading_keeps_its_text_but_is_not_an_h1()
    {
        var html = Renderer.ToSafeHtml("# Willkommen in Bad Belzig\n\nText.");
        var body = Parse(html).Body!;

        Assert.Empty(body.QuerySelectorAll("h1"));
        Assert.Contains("Willkommen in Bad Belzig", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("Text.", body.QuerySelector("p")?.TextContent);
    }

    [Theory]
    [InlineData("![Zählpixel](https://tracker.example/pixel.gif)")]
    [InlineData("![Zählpixel](HTTP://tracker.example/pixel.gif)")]
    [InlineData("![Zählpixel](//tracker.example/pixel.gif)")]
    [InlineData("![Zählpixel](<  https://tracker.example/pixel.gif>)")]
    public void An_image_from_another_site_is_not_embedded_so_residents_are_not_tracked(string markdown)
    {
        var html = Renderer.ToSafeHtml(markdown);

        Assert.Empty(Parse(html).QuerySelectorAll("img"));
        Assert.Contains("Zählpixel", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/media/rathaus.jpg")]
    [InlineData("media/rathaus.jpg")]
    [InlineData("/media/rathaus.jpg?v=2#x")]
    public void An_image_of_the_town_itself_is_kept_with_its_alt_text(string src)
    {
        var image = Assert.Single(Parse(Renderer.ToSafeHtml($"![Rathaus]({src})")).QuerySelectorAll("img"));

        Assert.Equal(src, image.GetAttribute("src"));
        Assert.Equal("Rathaus", image.GetAttribute("alt"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void No_markdown_renders_as_nothing(string? markdown) => Assert.Equal("", Renderer.ToSafeHtml(markdown!).Trim());

    [Fact]
    public void Plain_text_drops_the_markup()
    {
        var text = Renderer.ToPlainText("## Titel\n\n**Fett** und [Link](https://example.test).");

        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.Contains("Fett und Link", text, StringComparison.Ordinal);
    }
}
