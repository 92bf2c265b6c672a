using Microsoft.AspNetCore.Http;
using Saas.Kernel.Localization;
using Saas.Kernel.Media;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Images;

/// <summary>
/// Turns an uploaded file into a news image, or says in words why not. The shared sanitizer judges
/// the content (never the name or the browser's content type), enforces 2 MB and 4096 px per side
/// from the header before decoding, and re-encodes the pixels, so no metadata or appended payload
/// reaches residents.
/// </summary>
internal sealed class NewsImageUpload(ImageSanitizer sanitizer, Texts texts, TimeProvider clock)
{
    public async Task<(NewsImage? Image, string? Problem)> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        var result = await sanitizer.SanitizeAsync(stream, file.FileName, cancellationToken);
        if (!result.Succeeded)
        {
            return (null, result.Problem.ToMessage(texts));
        }
        var image = result.Value;
        return (new NewsImage
        {
            ContentType = image.ContentType,
            Content = image.Content,
            Width = image.Width,
            Height = image.Height,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, null);
    }
}
