using System.Text;
using System.Xml;

namespace Saas.Kernel.Media;

/// <summary>
/// Rebuilds an uploaded SVG from an allow-list (<see cref="SvgAllowList"/>): static shapes, text,
/// gradients, clips, masks, filters and local references survive; scripts, event handlers, embedded
/// HTML, animations, external or javascript: links and unsafe CSS are dropped. DTDs are prohibited
/// (no entity expansion, nothing fetched). A file that is not well-formed, not SVG, or has nothing
/// drawable left is refused. Stateless and thread-safe; register once.
/// </summary>
public sealed class SvgSanitizer
{
    private readonly SvgSanitizerOptions _options;

    public SvgSanitizer()
        : this(new SvgSanitizerOptions())
    {
    }

    public SvgSanitizer(SvgSanitizerOptions options)
    {
        options.Validate();
        _options = options;
    }

    public SvgSanitizerOptions Options => _options;

    /// <summary>
    /// Reads at most <see cref="SvgSanitizerOptions.MaxBytes"/> + 1 bytes and sanitizes them.
    /// <paramref name="clientFileName"/> only labels the message.
    /// </summary>
    public async Task<MediaResult<SanitizedSvg>> SanitizeAsync(Stream content, string? clientFileName, CancellationToken cancellationToken = default)
    {
        var (bytes, tooLarge) = await BoundedReader.ReadAsync(content, _options.MaxBytes, cancellationToken);
        var result = tooLarge ? Fail(MediaError.TooLarge, ImageSanitizer.Megabytes(_options.MaxBytes)) : Sanitize(bytes.Span);
        return result.WithFileName(clientFileName);
    }

    /// <summary>Sanitizes an SVG already in memory; never throws for bad input.</summary>
    public MediaResult<SanitizedSvg> Sanitize(ReadOnlySpan<byte> svg)
    {
        if (svg.IsEmpty)
        {
            return Fail(MediaError.Empty);
        }
        if (svg.Length > _options.MaxBytes)
        {
            return Fail(MediaError.TooLarge, ImageSanitizer.Megabytes(_options.MaxBytes));
        }
        var bytes = svg.ToArray(); // a copy: the DOCTYPE is blanked in place
        if (SvgDoctype.Remove(bytes) == SvgDoctype.Outcome.HasInternalSubset)
        {
            return Fail(MediaError.SvgDoctype);
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true, // <?xml-stylesheet?> would load a style sheet
            MaxCharactersInDocument = 4L * _options.MaxBytes,
            MaxCharactersFromEntities = 1024,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg" || reader.NamespaceURI != SvgAllowList.SvgNamespace)
            {
                return Fail(MediaError.SvgNotSvg);
            }
            if (new SvgRebuilder(reader, _options.MaxDepth).Run() is not { } rebuilt)
            {
                return Fail(MediaError.SvgTooDeep, _options.MaxDepth);
            }
            return rebuilt.Drawables == 0
                ? Fail(MediaError.SvgUnsafe)
                : MediaResult<SanitizedSvg>.Success(new SanitizedSvg(rebuilt.Markup, rebuilt.Removed));
        }
        catch (XmlException)
        {
            // A second DOCTYPE, or one in an encoding the byte search above cannot see, ends up here.
            return Fail(bytes.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0 || bytes.AsSpan().IndexOf("<!ENTITY"u8) >= 0 ? MediaError.SvgDoctype : MediaError.SvgMalformed);
        }
    }

    /// <summary>Sanitizes SVG text (for example from a recipe or a text field).</summary>
    public MediaResult<SanitizedSvg> Sanitize(string svg) => Sanitize(Encoding.UTF8.GetBytes(svg));

    private static MediaResult<SanitizedSvg> Fail(MediaError error, params object[] arguments) =>
        MediaResult<SanitizedSvg>.Failure(error, arguments);
}
