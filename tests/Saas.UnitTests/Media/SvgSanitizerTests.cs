using System.Text;
using System.Xml.Linq;
using Saas.Host.Recipes;
using Saas.Kernel.Media;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Media;

public sealed class SvgSanitizerTests
{
    internal static readonly SvgSanitizer Sanitizer = new();

    /// <summary>A drawing with one rectangle, so it stays drawable whatever <paramref name="inner"/> loses.</summary>
    internal static string Drawing(string inner, string rootAttributes = "") =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"{rootAttributes}>{inner}<rect width="10" height="10"/></svg>""";

    internal static SanitizedSvg Clean(string svg)
    {
        var result = Sanitizer.Sanitize(svg);
        Assert.True(result.Succeeded, $"refused: {result.Error}");
        XDocument.Parse(result.Value.Markup); // always well-formed
        return result.Value;
    }

    public static TheoryData<string> DemoCoatsOfArms() =>
        [.. RepoPaths.DemoTownFolders.Select(folder => Path.Combine(folder, "wappen.svg")).Where(File.Exists)];

    [Theory]
    [MemberData(nameof(DemoCoatsOfArms))]
    public void A_coat_of_arms_survives_unchanged_but_for_comments(string file)
    {
        var original = File.ReadAllText(file);

        var svg = Clean(original);

        Assert.Empty(svg.Removed);
        Assert.Equal(Shape(XDocument.Parse(original)), Shape(XDocument.Parse(svg.Markup)));
    }

    [Fact]
    public void Gradients_clips_masks_text_and_local_references_survive()
    {
        var original = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">
              <title>Wappen &amp; Siegel</title>
              <defs>
                <linearGradient id="g" gradientTransform="rotate(90)"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="rgb(10, 20, 30)"/></linearGradient>
                <clipPath id="c"><circle cx="50" cy="50" r="40"/></clipPath>
                <mask id="m"><rect width="100" height="100" fill="white"/></mask>
                <path id="star" d="M0 0L5 10L10 0Z"/>
                <filter id="f"><feGaussianBlur stdDeviation="2"/></filter>
              </defs>
              <style>.gold { fill: #e0b422; stroke: url(#g) } g > path:not(.x) { stroke-width: calc(1px + 1%) }</style>
              <g clip-path="url(#c)" mask="url( '#m' )" filter="url(#f)" transform="translate(5 5) scale(0.9)">
                <rect class="gold" width="100" height="100" fill="url(#g)" style="stroke: #000; stroke-width: 2"/>
                <use href="#star" x="10"/><use xlink:href="#star" x="30"/>
                <text x="10" y="90" font-family="Georgia, serif" xml:space="preserve">Gold <tspan font-weight="bold">&lt;Blau&gt;</tspan></text>
              </g>
            </svg>
            """;

        var svg = Clean(original);

        Assert.Empty(svg.Removed);
        Assert.Equal(Shape(XDocument.Parse(original)), Shape(XDocument.Parse(svg.Markup)));
        Assert.Contains("&lt;Blau&gt;", svg.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script>")]
    [InlineData("<script type=\"application/ecmascript\"><![CDATA[alert(1)]]></script>", "<script>")]
    [InlineData("<g><script href=\"https://evil.example/x.js\"/></g>", "<script>")]
    [InlineData("<foreignObject width=\"10\" height=\"10\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"x\" onerror=\"alert(1)\"/></div></foreignObject>", "<foreignObject>")]
    [InlineData("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>", "<h:script>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"/>", "<iframe>")]
    [InlineData("<image href=\"https://evil.example/pixel.png\"/>", "<image>")]
    [InlineData("<image href=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\"/>", "<image>")]
    [InlineData("<animate attributeName=\"href\" to=\"javascript:alert(1)\"/>", "<animate>")]
    [InlineData("<set attributeName=\"onmouseover\" to=\"alert(1)\"/>", "<set>")]
    [InlineData("<rect><animateTransform attributeName=\"transform\" type=\"rotate\" from=\"0\" to=\"360\" dur=\"1s\"/></rect>", "<animateTransform>")]
    [InlineData("<filter id=\"f\"><feImage href=\"https://evil.example/x.png\"/></filter>", "<feImage>")]
    [InlineData("<style>@import url(https://evil.example/x.css);</style>", "<style>")]
    [InlineData("<style>rect { fill: url(https://evil.example/track) }</style>", "<style>")]
    [InlineData("<style>rect { background: u\\72l(https://evil.example/x) }</style>", "<style>")]
    [InlineData("<style>rect { width: expression(alert(1)) }</style>", "<style>")]
    [InlineData("<style><![CDATA[</style><script>alert(1)</script>]]></style>", "<style>")]
    [InlineData("<style>rect { fill: image-set('https://evil.example/x.png' 1x) }</style>", "<style>")]
    [InlineData("<style>@font-face { font-family: x; src: url(https://evil.example/f.woff) }</style>", "<style>")]
    [InlineData("<metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">x</rdf:RDF></metadata>", "<metadata>")]
    public void A_dangerous_element_is_dropped_with_its_content(string inner, string removed)
    {
        var svg = Clean(Drawing(inner));

        Assert.Contains(removed, svg.Removed);
        AssertHarmless(svg.Markup);
        Assert.Contains("<rect width=\"10\" height=\"10\" />", svg.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<rect onload=\"alert(1)\"/>", "@onload")]
    [InlineData("<rect ONCLICK=\"alert(1)\"/>", "@ONCLICK")]
    [InlineData("<rect onmouseover='alert(1)' fill=\"red\"/>", "@onmouseover")]
    [InlineData("<use href=\"https://evil.example/sprite.svg#a\"/>", "@href")]
    [InlineData("<use xlink:href=\"//evil.example/sprite.svg#a\"/>", "@xlink:href")]
    [InlineData("<use href=\"javascript:alert(1)\"/>", "@href")]
    [InlineData("<use href=\" data:image/svg+xml,&lt;svg/&gt;\"/>", "@href")]
    [InlineData("<rect style=\"fill: url(http://evil.example/x)\"/>", "@style")]
    [InlineData("<rect style=\"fill: URL( 'https://evil.example/x' )\"/>", "@style")]
    [InlineData("<rect fill=\"url(https://evil.example/x#g)\"/>", "@fill")]
    [InlineData("<rect style=\"fill: url(#g); background: url(https://evil.example/x)\"/>", "@style")]
    [InlineData("<rect style=\"background: \\75 rl(https://evil.example/x)\"/>", "@style")]
    [InlineData("<rect style=\"behavior: url(x.htc); -moz-binding: url(x.xml#b)\"/>", "@style")]
    [InlineData("<rect style=\"width: expression(alert(1))\"/>", "@style")]
    [InlineData("<rect style=\"fill: ur/**/l(https://evil.example/x)\"/>", "@style")]
    [InlineData("<rect inkscape:label=\"x\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\"/>", "@inkscape:label")]
    [InlineData("<rect data-payload=\"x\"/>", "@data-payload")]
    public void A_dangerous_attribute_is_dropped_and_its_element_kept(string inner, string removed)
    {
        var svg = Clean(Drawing(inner));

        Assert.Contains(removed, svg.Removed);
        AssertHarmless(svg.Markup);
    }

    [Fact]
    public void An_event_handler_on_the_root_is_dropped()
    {
        var svg = Clean(Drawing("", " onload=\"alert(1)\""));

        Assert.Equal(["@onload"], svg.Removed);
        Assert.DoesNotContain("alert", svg.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\"><circle r=\"4\"/></a>")]
    [InlineData("<a xlink:href=\"https://evil.example\"><circle r=\"4\"/></a>")]
    public void A_link_is_removed_and_its_drawing_kept(string inner)
    {
        var svg = Clean(Drawing(inner));

        Assert.Contains("<a>", svg.Removed);
        Assert.Contains("<circle r=\"4\" />", svg.Markup, StringComparison.Ordinal);
        AssertHarmless(svg.Markup);
    }

    [Fact]
    public void Words_inside_a_link_inside_text_are_kept()
    {
        var svg = Clean(Drawing("<text>Amt <a href=\"https://example.org\">Belzig</a></text>"));

        Assert.Contains("<text>Amt Belzig</text>", svg.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_style_sheet_instruction_is_dropped() =>
        Assert.DoesNotContain("evil", Clean("<?xml-stylesheet type=\"text/css\" href=\"https://evil.example/x.css\"?>" + Drawing("")).Markup, StringComparison.Ordinal);

    /// <summary>The host's strict recipe check (which refuses rather than cleans) finds nothing in a sanitized attack.</summary>
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>")]
    [InlineData("<a href=\"javascript:alert(1)\"><rect onclick=\"alert(1)\"/></a>")]
    [InlineData("<rect style=\"fill: u\\72l(https://evil.example/x)\" fill=\"url(https://evil.example/x)\"/>")]
    [InlineData("<style>rect { fill: url(https://evil.example/x) }</style>")]
    [InlineData("<image href=\"https://evil.example/pixel.gif\"/><set attributeName=\"onclick\" to=\"alert(1)\"/>")]
    [InlineData("<h:img xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"https://evil.example/pixel.gif\"/>")]
    public void A_sanitized_attack_passes_the_strict_recipe_check(string inner)
    {
        var svg = Clean(Drawing(inner));

        Assert.Null(SvgCheck.Problem(Encoding.UTF8.GetBytes(svg.Markup), 64 * 1024));
    }

    private static void AssertHarmless(string markup)
    {
        foreach (var bad in new[] { "script", "alert", "javascript", "evil.example", "foreignObject", "data:", "expression", "@import", "onload", "onclick", "onmouseover" })
        {
            Assert.DoesNotContain(bad, markup, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Elements and attributes in document order, without comments or whitespace: what a renderer draws from.</summary>
    private static List<string> Shape(XDocument document) =>
        [.. document.Root!.DescendantsAndSelf().Select(e =>
            e.Name.LocalName + " " + string.Join(" ", e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $"{a.Name}={a.Value}").Order(StringComparer.Ordinal))
            + " " + string.Concat(e.Nodes().OfType<XText>().Select(t => t.Value.Trim())))];
}
