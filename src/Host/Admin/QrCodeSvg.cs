using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Saas.Host.Admin;

/// <summary>
/// A QR code as inline SVG, drawn on the server: no script, no image request, nothing for the
/// CSP to allow. QRCoder computes the modules; the markup is ours (one path, no style attributes).
/// </summary>
internal static class QrCodeSvg
{
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        // The matrix QRCoder returns already carries the four-module quiet zone scanners need.
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        return $"""<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="224" height="224" role="img" aria-label="{WebUtility.HtmlEncode(label)}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#ffffff"/><path fill="#000000" d="{path}"/></svg>""";
    }
}
