namespace Saas.Kernel.Media;

/// <summary>
/// Why an upload was refused. The names are stable (callers store and log them, tests assert them);
/// each maps to a text key <c>media.error.*</c> through <see cref="MediaProblem.MessageKey"/>.
/// </summary>
public enum MediaError
{
    /// <summary>Nothing was uploaded (zero bytes).</summary>
    Empty,

    /// <summary>More bytes than the limit; reading stopped at limit + 1.</summary>
    TooLarge,

    /// <summary>The content is no image we recognise (HTML, ZIP, text, …), whatever the file is called.</summary>
    UnknownFormat,

    /// <summary>A recognised image format we do not take (GIF, BMP, TIFF, HEIC, AVIF, ICO, SVG where a raster image is expected).</summary>
    UnsupportedFormat,

    /// <summary>The header looks right but the image cannot be read completely (truncated, damaged, inconsistent).</summary>
    Corrupt,

    /// <summary>Wider or taller than the side limit, checked in the header before any pixel is decoded.</summary>
    DimensionsTooLarge,

    /// <summary>Within the side limit but more pixels in total than allowed (memory for decoding).</summary>
    TooManyPixels,

    /// <summary>The SVG is not well-formed XML.</summary>
    SvgMalformed,

    /// <summary>Well-formed XML, but the root is not an SVG <c>&lt;svg&gt;</c> element.</summary>
    SvgNotSvg,

    /// <summary>The SVG declares a document type with its own entities (billion laughs, external entities).</summary>
    SvgDoctype,

    /// <summary>Elements nest deeper than <see cref="SvgSanitizerOptions.MaxDepth"/>.</summary>
    SvgTooDeep,

    /// <summary>Once everything unsafe is removed, nothing drawable remains.</summary>
    SvgUnsafe,
}
