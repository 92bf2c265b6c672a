using System.Text;
using Saas.Host.Recipes;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Recipes;

public sealed class SvgCheckTests
{
    private const int Max = RecipeReader.MaxCoatOfArmsBytes;

    private static string? Check(string svg) => SvgCheck.Problem(Encoding.UTF8.GetBytes(svg), Max);

    private static string Drawing(string inner, string rootAttributes = "") =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"{rootAttributes}>{inner}</svg>""";

    public static TheoryData<string> DemoCoatsOfArms() =>
        [.. RepoPaths.DemoTownFolders.Select(folder => Path.Combine(folder, "wappen.svg")).Where(File.Exists)];

    [Fact]
    public void Every_demo_town_has_a_coat_of_arms() => Assert.Equal(RepoPaths.DemoTownFolders.Count, DemoCoatsOfArms().Count);

    [Theory]
    [MemberData(nameof(DemoCoatsOfArms))]
    public void The_demo_towns_coats_of_arms_are_accepted(string file) =>
        Assert.Null(SvgCheck.Problem(File.ReadAllBytes(file), Max));

    [Fact]
    public void A_plain_drawing_with_internal_references_is_accepted()
    {
        var svg = Drawing("""
            <title>Wappen</title>
            <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><clipPath id="c"><rect width="5" height="5"/></clipPath></defs>
            <g clip-path="url(#c)"><rect width="10" height="10" fill="url(#g)" style="stroke: #000; fill: url( '#g' )"/></g>
            <a href="#top"><text x="1" y="9">Gold &amp; Blau</text></a>
            """);

        Assert.Null(Check(svg));
        Assert.Null(Check("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Demo -->\n" + Drawing("<circle r=\"4\"/>")));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>")]
    [InlineData("<g><script href=\"#x\"/></g>")]
    [InlineData("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>")]
    [InlineData("<foreignobject/>")]
    [InlineData("<iframe/>")]
    [InlineData("<use href=\"#a\"/>")]
    [InlineData("<image href=\"data:image/png;base64,AA==\"/>")]
    [InlineData("<animate attributeName=\"href\" to=\"javascript:alert(1)\"/>")]
    [InlineData("<set attributeName=\"onclick\" to=\"alert(1)\"/>")]
    [InlineData("<style>rect { fill: url(https://evil.example/x) }</style>")]
    [InlineData("<style>@import 'https://evil.example/x.css';</style>")]
    [InlineData("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>")]
    [InlineData("<h:img xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"https://evil.example/pixel.gif\"/>")]
    public void A_forbidden_element_is_refused(string inner) => Assert.NotNull(Check(Drawing(inner)));

    [Theory]
    [InlineData("<rect onload=\"alert(1)\"/>")]
    [InlineData("<rect ONCLICK=\"alert(1)\"/>")]
    [InlineData("<rect onmouseover='alert(1)'/>")]
    public void An_event_handler_is_refused(string inner) => Assert.Contains("event handler", Check(Drawing(inner)), StringComparison.Ordinal);

    [Fact]
    public void An_event_handler_on_the_root_is_refused() => Assert.NotNull(Check(Drawing("<rect/>", " onload=\"alert(1)\"")));

    [Theory]
    [InlineData("<a href=\"https://evil.example\"><rect/></a>")]
    [InlineData("<a href=\"javascript:alert(1)\"><rect/></a>")]
    [InlineData("<a href=\" javascript:alert(1)\"><rect/></a>")]
    [InlineData("<a xlink:href=\"http://evil.example\"><rect/></a>")]
    [InlineData("<a xlink:href=\"//evil.example\"><rect/></a>")]
    [InlineData("<rect style=\"fill: url(http://evil.example/x)\"/>")]
    [InlineData("<rect style=\"fill: URL( 'https://evil.example/x' )\"/>")]
    [InlineData("<rect fill=\"url(https://evil.example/x#g)\"/>")]
    [InlineData("<rect style=\"fill: url(#g); background: url(https://evil.example/x)\"/>")]
    [InlineData("<rect fill=\"url( '#g' ) url(https://evil.example/x)\"/>")]
    [InlineData("<rect style=\"fill: u\\72l(https://evil.example/x)\"/>")]
    [InlineData("<rect style=\"background: \\75 rl(https://evil.example/x)\"/>")]
    public void An_external_reference_is_refused(string inner) => Assert.NotNull(Check(Drawing(inner)));

    [Fact]
    public void An_external_stylesheet_instruction_is_refused() =>
        Assert.NotNull(Check("<?xml-stylesheet type=\"text/css\" href=\"https://evil.example/x.css\"?>" + Drawing("<rect/>")));

    [Fact]
    public void Entity_expansion_is_refused()
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

        Assert.NotNull(Check(laughs));
    }

    [Fact]
    public void An_external_entity_is_refused() =>
        Assert.NotNull(Check("""<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>"""));

    [Theory]
    [InlineData("<html><body>x</body></html>")]
    [InlineData("<?xml version=\"1.0\"?><root><svg xmlns=\"http://www.w3.org/2000/svg\"/></root>")]
    [InlineData("<svg>no namespace, so a browser would not draw it</svg>")]
    [InlineData("<x:svg xmlns:x=\"urn:not-svg\"/>")]
    [InlineData("not xml at all")]
    [InlineData("")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\">")]
    [InlineData("\u0089PNG")]
    public void Something_that_is_not_an_SVG_drawing_is_refused(string content) => Assert.NotNull(Check(content));

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_parsed()
    {
        var padding = new string(' ', Max);
        var bytes = Encoding.UTF8.GetBytes(Drawing("<rect/>" + padding));

        Assert.Contains("larger than", SvgCheck.Problem(bytes, Max), StringComparison.Ordinal);
        Assert.Null(SvgCheck.Problem(bytes, bytes.Length));
    }
}
