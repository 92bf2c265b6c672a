using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Saas.Kernel.Media;

/// <summary>
/// Decides whether CSS (a style sheet, a style attribute, or a presentation attribute, which
/// browsers parse as CSS too) is safe to keep. Rather than list what is dangerous, it lists the
/// functions a drawing needs; url() may only point into the drawing itself (<c>url(#id)</c>).
/// </summary>
internal static partial class CssCheck
{
    /// <summary>
    /// \ starts an escape ("u\72l(" is url(), unseen by any text check); @ starts @import or @font-face;
    /// &lt; could close a style element once the SVG is inlined into a page.
    /// </summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("\\@<");

    private static readonly FrozenSet<string> Functions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "url", "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "calc", "min", "max", "clamp", "var",
        "matrix", "translate", "translatex", "translatey", "scale", "scalex", "scaley", "rotate", "skewx", "skewy",
        "not", "is", "where", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "lang",
    ]);

    public static bool IsSafe(string css)
    {
        if (css.AsSpan().IndexOfAny(Forbidden) >= 0)
        {
            return false;
        }
        foreach (Match function in FunctionName().Matches(css))
        {
            if (!Functions.Contains(function.Groups[1].Value))
            {
                return false; // expression(), image-set(), src(), element(), or a name split by a comment
            }
        }
        return !HasExternalUrl(css);
    }

    /// <summary>A reference to an element of the same drawing: <c>#id</c> and nothing else.</summary>
    public static bool IsLocalReference(string value) => LocalReference().IsMatch(value.Trim());

    /// <summary>True when any <c>url(…)</c> points anywhere but into the drawing itself.</summary>
    private static bool HasExternalUrl(string value)
    {
        var rest = value.AsSpan();
        int at;
        while ((at = rest.IndexOf("url(", StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            rest = rest[(at + 4)..].TrimStart().TrimStart("'\"").TrimStart();
            var end = rest.IndexOfAny("'\")");
            if (end < 0 || !IsLocalReference(rest[..end].ToString()))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A CSS function call: an identifier directly followed by "(".</summary>
    [GeneratedRegex(@"(-?[A-Za-z_][A-Za-z0-9_-]*)\(", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"^#[\p{L}\p{N}_][\p{L}\p{N}_.:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalReference();
}
