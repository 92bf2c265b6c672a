namespace Saas.Kernel.Media;

/// <summary>What the first bytes of an upload say it is; the file name has no say.</summary>
internal enum ImageFormat
{
    Unknown,
    Png,
    Jpeg,
    Webp,

    // Recognised only to refuse them with a message that names them.
    Gif,
    Bmp,
    Tiff,
    Heic,
    Avif,
    JpegXl,
    Ico,
    Psd,
    Svg,
}

internal static class ImageFormats
{
    /// <summary>The name shown in "images in format X are not accepted".</summary>
    public static string DisplayName(this ImageFormat format) => format switch
    {
        ImageFormat.JpegXl => "JPEG XL",
        ImageFormat.Webp => "WebP",
        _ => format.ToString().ToUpperInvariant(),
    };

    public static bool IsAccepted(this ImageFormat format) => format is ImageFormat.Png or ImageFormat.Jpeg or ImageFormat.Webp;
}
