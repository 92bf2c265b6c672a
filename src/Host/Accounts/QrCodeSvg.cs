using System.Globalization;
using System.Text;
using QRCoder;

namespace Saas.Host.Accounts;

/// <summary>
/// A QR code as inline SVG markup (one path, no style attribute, so the strict CSP holds), for
/// authenticator enrolment of town staff and support alike. Colour comes from <c>currentColor</c>
/// on a white quiet zone, so it scans in every theme.
/// </summary>
internal static class QrCodeSvg
{
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
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
        var encodedLabel = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 5}\" height=\"{size * 5}\" role=\"img\" aria-label=\"{encodedLabel}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"{path}\"/></svg>";
    }
}
