namespace Saas.Kernel.Media;

/// <summary>
/// A logo or coat of arms: a raster image (PNG, JPEG, WebP, re-encoded) or an SVG (sanitized), told
/// apart by content, never by name. Municipal coats of arms are often only available as SVG.
/// </summary>
public sealed class BrandImageSanitizer(ImageSanitizer images, SvgSanitizer svgs)
{
    /// <summary>The stored form (bytes and content type) or the refusal, with the file name for the message.</summary>
    public async Task<MediaResult<SanitizedImage>> SanitizeAsync(Stream content, string? clientFileName, CancellationToken cancellationToken = default)
    {
        var limit = Math.Max(images.Options.MaxBytes, svgs.Options.MaxBytes);
        var (bytes, tooLarge) = await BoundedReader.ReadAsync(content, limit, cancellationToken);
        if (tooLarge)
        {
            return MediaResult<SanitizedImage>.Failure(MediaError.TooLarge, ImageSanitizer.Megabytes(limit)).WithFileName(clientFileName);
        }
        using var buffer = new MemoryStream(bytes.ToArray(), writable: false);
        if (ImageSniffer.Detect(bytes.Span) == ImageFormat.Svg)
        {
            var svg = await svgs.SanitizeAsync(buffer, clientFileName, cancellationToken);
            return svg.Succeeded
                ? MediaResult<SanitizedImage>.Success(new SanitizedImage(System.Text.Encoding.UTF8.GetBytes(svg.Value.Markup), SanitizedSvg.ContentType, SanitizedSvg.Extension, 0, 0))
                : MediaResult<SanitizedImage>.Failed(svg.Problem);
        }
        return await images.SanitizeAsync(buffer, clientFileName, cancellationToken);
    }
}
