namespace Saas.Kernel.Media;

/// <summary>Limits for raster uploads (logo, coat of arms, article images).</summary>
public sealed class ImageSanitizerOptions
{
    /// <summary>Largest upload in bytes; 2 MiB by default.</summary>
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest width and height in pixels; 4096 by default.</summary>
    public int MaxSide { get; set; } = 4096;

    /// <summary>
    /// Largest width × height. Decoding needs four bytes per pixel, so the default (4096 × 4096,
    /// about 16.8 megapixels) caps one decode at 64 MiB.
    /// </summary>
    public long MaxPixels { get; set; } = 4096L * 4096;

    /// <summary>JPEG (and lossy WebP) quality for re-encoding: high enough that a photo shows no artefacts.</summary>
    public int Quality { get; set; } = 88;

    /// <summary>
    /// How many images decode at the same time; further uploads wait. Each decode may hold up to
    /// <see cref="MaxPixels"/> × 4 bytes, so this bounds the memory uploads can take.
    /// </summary>
    public int MaxConcurrentDecodes { get; set; } = 2;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBytes, 256 * 1024 * 1024);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSide);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(Quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Quality, 100);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentDecodes);
    }
}
