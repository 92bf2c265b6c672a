using Microsoft.AspNetCore.Http;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Images;

/// <summary>Turns an uploaded file into a news image (re-encoded), or says in words why not.</summary>
internal sealed class NewsImageUpload(TimeProvider clock)
{
    public Task<(NewsImage? Image, string? Problem)> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        _ = file;
        _ = cancellationToken;
        _ = clock;
        return Task.FromResult<(NewsImage?, string?)>((null, "news.admin.error.image.unavailable"));
    }
}
