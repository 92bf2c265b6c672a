using System.Text;
using System.Xml;

namespace Saas.Kernel.Media;

/// <summary>
/// One pass from reader to writer: each allowed element is written anew with its allowed attributes,
/// anything else is skipped with its whole subtree. Nothing of the input is copied as markup, so
/// whatever the parser saw but we did not list cannot slip through.
/// </summary>
internal sealed class SvgRebuilder(XmlReader reader, int maxDepth)
{
    private readonly StringBuilder _markup = new();
    private readonly SortedSet<string> _removed = new(StringComparer.Ordinal);

    /// <summary>Per open input element: written (its end tag must be written too) or unwrapped, and its name.</summary>
    private readonly Stack<(bool Written, string Name)> _open = new();

    private int _drawables;

    /// <summary>The rebuilt drawing, or null when it nests deeper than allowed.</summary>
    public (string Markup, IReadOnlyList<string> Removed, int Drawables)? Run()
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, CheckCharacters = true, NewLineHandling = NewLineHandling.Replace };
        using (var writer = XmlWriter.Create(_markup, settings))
        {
            while (!reader.EOF)
            {
                if (reader.Depth >= maxDepth)
                {
                    return null;
                }
                Step(writer);
            }
        }
        return (_markup.ToString(), [.. _removed], _drawables);
    }

    private void Step(XmlWriter writer)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                Element(writer);
                return; // Element() has moved the reader on
            case XmlNodeType.EndElement:
                if (_open.Pop().Written)
                {
                    writer.WriteFullEndElement();
                }
                break;
            case XmlNodeType.Text or XmlNodeType.CDATA:
                if (InTextElement())
                {
                    writer.WriteString(reader.Value);
                }
                break;
            case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                if (_open.Count > 0)
                {
                    writer.WriteWhitespace(reader.Value);
                }
                break;
        }
        reader.Read();
    }

    /// <summary>Whether the nearest written ancestor holds text (a link inside a text element is unwrapped, its words stay).</summary>
    private bool InTextElement()
    {
        foreach (var (written, name) in _open)
        {
            if (written)
            {
                return SvgAllowList.TextElements.Contains(name);
            }
        }
        return false;
    }

    private void Element(XmlWriter writer)
    {
        var name = reader.LocalName;
        var isSvg = reader.NamespaceURI == SvgAllowList.SvgNamespace;
        if (isSvg && SvgAllowList.Unwrapped.Contains(name))
        {
            _removed.Add($"<{name}>");
            if (!reader.IsEmptyElement)
            {
                _open.Push((false, name));
            }
            reader.Read();
            return;
        }
        if (!isSvg || !SvgAllowList.Elements.Contains(name))
        {
            _removed.Add($"<{reader.Name}>");
            reader.Skip();
            return;
        }
        if (name == "style")
        {
            Style(writer);
            return;
        }
        writer.WriteStartElement(name, SvgAllowList.SvgNamespace);
        Attributes(writer);
        if (SvgAllowList.Drawing.Contains(name))
        {
            _drawables++;
        }
        if (reader.IsEmptyElement)
        {
            writer.WriteEndElement();
        }
        else
        {
            _open.Push((true, name));
        }
        reader.Read();
    }

    private void Attributes(XmlWriter writer)
    {
        while (reader.MoveToNextAttribute())
        {
            var (ns, name, value) = (reader.NamespaceURI, reader.LocalName, reader.Value);
            if (ns == SvgAllowList.XmlnsNamespace)
            {
                // The writer declares the namespaces it uses, but declaring xlink once on the root
                // spares an xmlns:xlink on every element with an xlink:href.
                if (_open.Count == 0 && value == SvgAllowList.XlinkNamespace)
                {
                    writer.WriteAttributeString("xmlns", "xlink", null, SvgAllowList.XlinkNamespace);
                }
                continue;
            }
            var isHref = name == "href" && (ns.Length == 0 || ns == SvgAllowList.XlinkNamespace);
            if (isHref && CssCheck.IsLocalReference(value))
            {
                writer.WriteAttributeString(ns.Length == 0 ? null : "xlink", name, ns.Length == 0 ? null : ns, value.Trim());
            }
            else if (ns == SvgAllowList.XmlNamespace && name is "space" or "lang")
            {
                writer.WriteAttributeString("xml", name, ns, value);
            }
            else if (ns.Length == 0 && SvgAllowList.Attributes.Contains(name) && (SvgAllowList.PlainText.Contains(name) || CssCheck.IsSafe(value)))
            {
                writer.WriteAttributeString(name, value);
            }
            else
            {
                _removed.Add("@" + reader.Name);
            }
        }
        reader.MoveToElement();
    }

    /// <summary>A style sheet is kept only when it is plain text and passes <see cref="CssCheck"/> as a whole.</summary>
    private void Style(XmlWriter writer)
    {
        var css = new StringBuilder();
        var plain = true;
        if (!reader.IsEmptyElement)
        {
            using var content = reader.ReadSubtree();
            content.Read();
            while (content.Read())
            {
                if (content.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    css.Append(content.Value);
                }
                else if (content.NodeType is not XmlNodeType.EndElement)
                {
                    plain = false;
                }
            }
        }
        reader.Read(); // past </style> (or <style/>)
        if (!plain || !CssCheck.IsSafe(css.ToString()))
        {
            _removed.Add("<style>");
            return;
        }
        writer.WriteStartElement("style", SvgAllowList.SvgNamespace);
        writer.WriteString(css.ToString());
        writer.WriteEndElement();
    }
}
