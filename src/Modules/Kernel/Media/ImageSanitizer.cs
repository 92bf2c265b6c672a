using SkiaSharp;

namespace Saas.Kernel.Media;

/// <summary>
/// Turns an uploaded PNG, JPEG or WebP into a clean copy: the format is read from the content, the
/// size limits from the header before any pixel is decoded, and only the decoded pixels are encoded
/// again. Metadata (EXIF with GPS, comments, text chunks), anything appended (ZIP, HTML, script
/// polyglots) and anything else a decoder skips cannot survive. Thread-safe; register once.
/// </summary>
public sealed class ImageSanitizer : IDisposable
{
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();

    private readonly ImageSanitizerOptions _options;
    private readonly SemaphoreSlim _decodeSlots;

    public ImageSanitizer()
        : this(new ImageSanitizerOptions())
    {
    }

    public ImageSanitizer(ImageSanitizerOptions options)
    {
        options.Validate();
        _options = options;
        _decodeSlots = new SemaphoreSlim(options.MaxConcurrentDecodes, options.MaxConcurrentDecodes);
    }

    public ImageSanitizerOptions Options => _options;

    /// <summary>
    /// Reads at most <see cref="ImageSanitizerOptions.MaxBytes"/> + 1 bytes from <paramref name="content"/> and
    /// returns the re-encoded image or why it was refused. <paramref name="clientFileName"/> only labels the
    /// message. Bad input never throws; only cancellation and the stream's own I/O errors do.
    /// </summary>
    public async Task<MediaResult<SanitizedImage>> SanitizeAsync(Stream content, string? clientFileName, CancellationToken cancellationToken = default)
    {
        var (bytes, tooLarge) = await BoundedReader.ReadAsync(content, _options.MaxBytes, cancellationToken);
        if (tooLarge)
        {
            return Fail(MediaError.TooLarge, Megabytes(_options.MaxBytes)).WithFileName(clientFileName);
        }
        var refused = Check(bytes.Span, out var format, out var header);
        if (refused is not null)
        {
            return refused.WithFileName(clientFileName);
        }
        await _decodeSlots.WaitAsync(cancellationToken);
        try
        {
            return Reencode(bytes.Span, format, header).WithFileName(clientFileName);
        }
        finally
        {
            _decodeSlots.Release();
        }
    }

    public void Dispose() => _decodeSlots.Dispose();

    /// <summary>Everything that can be decided without decoding; null when the image may be decoded.</summary>
    private MediaResult<SanitizedImage>? Check(ReadOnlySpan<byte> bytes, out ImageFormat format, out ImageHeader header)
    {
        header = default;
        format = ImageFormat.Unknown;
        if (bytes.IsEmpty)
        {
            return Fail(MediaError.Empty);
        }
        format = ImageSniffer.Detect(bytes);
        if (format == ImageFormat.Unknown)
        {
            return Fail(MediaError.UnknownFormat);
        }
        if (!format.IsAccepted())
        {
            return Fail(MediaError.UnsupportedFormat, format.DisplayName());
        }
        if (!ImageHeader.TryRead(format, bytes, out header))
        {
            return Fail(MediaError.Corrupt);
        }
        return CheckSize(header.Width, header.Height);
    }

    private MediaResult<SanitizedImage>? CheckSize(long width, long height)
    {
        if (width > _options.MaxSide || height > _options.MaxSide)
        {
            return Fail(MediaError.DimensionsTooLarge, _options.MaxSide, width, height);
        }
        if (width * height > _options.MaxPixels)
        {
            return Fail(MediaError.TooManyPixels, Megapixels(_options.MaxPixels), Megapixels(width * height));
        }
        return null;
    }

    private MediaResult<SanitizedImage> Reencode(ReadOnlySpan<byte> bytes, ImageFormat format, ImageHeader header)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != Skia(format))
        {
            return Fail(MediaError.Corrupt);
        }
        // Skia reads the header on its own; should it see another size than we did (a second frame
        // header, say), its size is the one that allocates, so it must pass the limits too.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((width, height) != (header.Width, header.Height))
        {
            return CheckSize(width, height) ?? Fail(MediaError.Corrupt);
        }
        // sRGB target: colours from an embedded ICC profile are converted, the profile itself is not carried over.
        var alpha = format == ImageFormat.Jpeg ? SKAlphaType.Opaque : SKAlphaType.Unpremul;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, alpha, Srgb);
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(info))
        {
            return Fail(MediaError.TooManyPixels, Megapixels(_options.MaxPixels), Megapixels((long)width * height));
        }
        // IncompleteInput means a truncated file whose missing rows Skia would fill with grey: refused, not guessed.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return Fail(MediaError.Corrupt);
        }
        var upright = ExifOrientation.Apply(decoded, codec.EncodedOrigin);
        try
        {
            return Encode(upright, format, header.Lossless);
        }
        finally
        {
            if (!ReferenceEquals(upright, decoded))
            {
                upright.Dispose();
            }
        }
    }

    private MediaResult<SanitizedImage> Encode(SKBitmap bitmap, ImageFormat format, bool lossless)
    {
        using var pixmap = bitmap.PeekPixels();
        using var encoded = format switch
        {
            ImageFormat.Png => pixmap.Encode(SKPngEncoderOptions.Default),
            ImageFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(_options.Quality)),
            _ => pixmap.Encode(lossless
                ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75)
                : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, _options.Quality)),
        };
        if (encoded is null)
        {
            return Fail(MediaError.Corrupt);
        }
        var (contentType, extension) = format switch
        {
            ImageFormat.Png => ("image/png", ".png"),
            ImageFormat.Jpeg => ("image/jpeg", ".jpg"),
            _ => ("image/webp", ".webp"),
        };
        return MediaResult<SanitizedImage>.Success(new SanitizedImage(encoded.ToArray(), contentType, extension, bitmap.Width, bitmap.Height));
    }

    private static SKEncodedImageFormat Skia(ImageFormat format) => format switch
    {
        ImageFormat.Png => SKEncodedImageFormat.Png,
        ImageFormat.Jpeg => SKEncodedImageFormat.Jpeg,
        _ => SKEncodedImageFormat.Webp,
    };

    private static MediaResult<SanitizedImage> Fail(MediaError error, params object[] arguments) =>
        MediaResult<SanitizedImage>.Failure(error, arguments);

    /// <summary>Limits shown as "2 MB" (binary megabytes, as file managers show them).</summary>
    internal static double Megabytes(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 2);

    private static double Megapixels(long pixels) => Math.Round(pixels / 1_000_000.0, 1);
}
