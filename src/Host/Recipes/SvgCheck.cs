using System.Xml;

namespace Saas.Host.Recipes;

/// <summary>
/// Accepts only plain SVG drawings: no scripts, event handlers, embedded HTML, external or
/// javascript: references. Seeded files are ours, but the same rule will guard uploads.
/// </summary>
internal static class SvgCheck
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "use", "image", "animate", "set", "handler", "listener",
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
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (!sawRoot && reader.LocalName != "svg")
                {
                    return "not an SVG drawing";
                }
                sawRoot = true;
                if (ForbiddenElements.Contains(reader.LocalName))
                {
                    return $"contains a forbidden <{reader.LocalName}> element";
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
                    if (value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !value.Contains("url(#", StringComparison.OrdinalIgnoreCase))
                    {
                        return "refers to an external resource";
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
}
