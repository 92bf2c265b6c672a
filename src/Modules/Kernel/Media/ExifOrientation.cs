using SkiaSharp;

namespace Saas.Kernel.Media;

/// <summary>
/// Turns pixels the way the camera's EXIF orientation says, because re-encoding drops the EXIF
/// block: without this, a phone photo taken upright would come out lying on its side.
/// </summary>
internal static class ExifOrientation
{
    /// <summary>The upright image: <paramref name="source"/> itself when no turn is needed, otherwise a new bitmap.</summary>
    public static SKBitmap Apply(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default || (int)origin is < 1 or > 8)
        {
            return source;
        }
        var w = source.Width;
        var h = source.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(source.Info.WithSize(swap ? h : w, swap ? w : h));
        using var from = source.PeekPixels();
        using var to = target.PeekPixels();
        var src = from.GetPixelSpan<uint>();
        var dst = to.GetPixelSpan<uint>();
        var srcStride = from.RowBytes / 4;
        var dstStride = to.RowBytes / 4;
        for (var y = 0; y < target.Height; y++)
        {
            for (var x = 0; x < target.Width; x++)
            {
                // For each target pixel, the source pixel it comes from (EXIF 2–8).
                var (sx, sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (y, h - 1 - x),
                    SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
                    _ => (w - 1 - y, x), // LeftBottom
                };
                dst[(y * dstStride) + x] = src[(sy * srcStride) + sx];
            }
        }
        return target;
    }
}
