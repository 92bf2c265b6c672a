namespace Saas.Kernel.Media;

/// <summary>
/// An SVG rebuilt from allowed elements and attributes only. <see cref="Removed"/> names what was
/// dropped (<c>&lt;script&gt;</c>, <c>@onload</c>, …), so an editor can say the file was cleaned.
/// </summary>
public sealed record SanitizedSvg(string Markup, IReadOnlyList<string> Removed)
{
    public const string ContentType = "image/svg+xml";

    public const string Extension = ".svg";
}
