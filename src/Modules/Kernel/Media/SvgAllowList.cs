using System.Collections.Frozen;

namespace Saas.Kernel.Media;

/// <summary>
/// What an uploaded SVG may contain: static drawing only. Everything not listed is dropped, so
/// a feature browsers add tomorrow is refused until someone decides it is safe.
/// </summary>
internal static class SvgAllowList
{
    public const string SvgNamespace = "http://www.w3.org/2000/svg";
    public const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>
    /// SVG elements kept with their content. Not here, among others: script, foreignObject (HTML),
    /// image and feImage (load files), animate/set/animateMotion/animateTransform (can rewrite href to
    /// javascript:), iframe, video, audio, metadata (free-form RDF).
    /// </summary>
    public static readonly FrozenSet<string> Elements = FrozenSet.Create(StringComparer.Ordinal,
    [
        "svg", "g", "defs", "symbol", "use", "title", "desc", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
        "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
        "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]);

    /// <summary>Elements dropped but whose children are kept: a link's drawing stays, the link goes.</summary>
    public static readonly FrozenSet<string> Unwrapped = FrozenSet.Create(StringComparer.Ordinal, ["a"]);

    /// <summary>Elements whose text is content; text anywhere else is not drawn and is dropped.</summary>
    public static readonly FrozenSet<string> TextElements = FrozenSet.Create(StringComparer.Ordinal, ["text", "tspan", "textPath", "title", "desc"]);

    /// <summary>Elements that put something on screen; an SVG without any is refused as empty.</summary>
    public static readonly FrozenSet<string> Drawing = FrozenSet.Create(StringComparer.Ordinal,
        ["path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use"]);

    /// <summary>Attributes without a namespace. Not here: every on* handler, and href (checked on its own).</summary>
    public static readonly FrozenSet<string> Attributes = FrozenSet.Create(StringComparer.Ordinal,
    [
        // structure and accessibility
        "id", "class", "style", "version", "baseProfile", "viewBox", "preserveAspectRatio", "transform",
        "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable", "lang", "tabindex",
        // geometry
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width", "height",
        "d", "points", "pathLength",
        // text
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "writing-mode", "direction", "unicode-bidi",
        "font", "font-family", "font-size", "font-size-adjust", "font-weight", "font-style", "font-variant", "font-stretch",
        "letter-spacing", "word-spacing", "text-decoration", "text-rendering",
        // painting
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color",
        "stop-color", "stop-opacity", "offset", "clip-path", "clip-rule", "mask", "mask-type", "marker-start", "marker-mid", "marker-end",
        "filter", "visibility", "display", "overflow", "shape-rendering", "color-interpolation", "color-interpolation-filters",
        "vector-effect", "paint-order", "mix-blend-mode", "isolation", "flood-color", "flood-opacity", "lighting-color",
        "image-rendering", "color-rendering",
        // paint servers, clips, markers
        "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform",
        "clipPathUnits", "maskUnits", "maskContentUnits", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
        // filters
        "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4",
        "type", "values", "tableValues", "slope", "intercept", "amplitude", "exponent", "radius", "scale",
        "xChannelSelector", "yChannelSelector", "baseFrequency", "numOctaves", "seed", "stitchTiles", "order", "kernelMatrix",
        "divisor", "bias", "targetX", "targetY", "edgeMode", "preserveAlpha", "surfaceScale", "specularConstant",
        "specularExponent", "diffuseConstant", "kernelUnitLength", "azimuth", "elevation", "z",
        "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
    ]);

    /// <summary>Attributes whose value is plain text to the browser, never parsed as CSS.</summary>
    public static readonly FrozenSet<string> PlainText = FrozenSet.Create(StringComparer.Ordinal,
        ["id", "aria-label", "aria-labelledby", "aria-describedby", "role", "lang", "class"]);
}
