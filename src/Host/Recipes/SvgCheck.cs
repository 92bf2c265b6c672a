using System.Xml;

namespace Saas.Host.Recipes;

/// <summary>
/// Accepts only plain SVG drawings: no scripts, event handlers, embedded HTML, style sheets,
/// external or javascript: references. Seeded files are ours, but the same rule will guard uploads.
/// </summary>
internal static class SvgCheck
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "use", "image", "animate", "set", "handler", "listener",
        // A style sheet can load from anywhere (@import, url()) and hides it in text this check does not parse.
        "style",
    };

    /// <summary>Namespaces whose elements a browser renders inside an SVG document (HTML can load and run things).</summary>
    private static readonly HashSet<string> ForbiddenNamespaces = new(StringComparer.Ordinal)
    {
        "http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML",
    };

    public static string? Problem(byte[] bytes, int maxBytes)
    {
        if (bytes.Length > maxBytes)
        {
            return $"larger than {maxBytes / 1024} KB";
        }
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction)
                {
                    return $"contains a processing instruction (<?{reader.Name}?>)"; // e.g. xml-stylesheet, which loads a style sheet
                }
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (!sawRoot && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace))
                {
                    return $"not an SVG drawing (the root must be <svg xmlns=\"{SvgNamespace}\">)";
                }
                sawRoot = true;
                if (ForbiddenElements.Contains(reader.LocalName) || ForbiddenNamespaces.Contains(reader.NamespaceURI))
                {
                    return $"contains a forbidden <{reader.Name}> element";
                }
                while (reader.MoveToNextAttribute())
                {
                    var name = reader.LocalName;
                    var value = reader.Value.Trim();
                    if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"contains an event handler ({name})";
                    }
                    if (name == "href" && !value.StartsWith('#'))
                    {
                        return "refers to an external resource";
                    }
                    if (HasExternalUrl(value))
                    {
                        return "refers to an external resource";
                    }
                    if (value.Contains('\\', StringComparison.Ordinal))
                    {
                        return $"contains a CSS escape in {name}"; // "u\72l(" would slip past the url( check
                    }
                }
            }
            return sawRoot ? null : "not an SVG drawing";
        }
        catch (XmlException ex)
        {
            return $"not well-formed SVG ({ex.Message})";
        }
    }

    /// <summary>True when any <c>url(…)</c> in the value points anywhere but into the drawing itself (<c>url(#id)</c>).</summary>
    private static bool HasExternalUrl(string value)
    {
        var rest = value.AsSpan();
        int at;
        while ((at = rest.IndexOf("url(", StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            rest = rest[(at + 4)..].TrimStart().TrimStart("'\"").TrimStart();
            if (rest.IsEmpty || rest[0] != '#')
            {
                return true;
            }
        }
        return false;
    }
}
