using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Content;

namespace Saas.Modules.News.Data;

/// <summary>The next scheduled publish or unpublish time of the town's articles.</summary>
internal sealed class NewsSchedule(NewsDbContext db) : IContentSchedule
{
    public async Task<DateTime?> NextChangeAfterAsync(DateTime now, CancellationToken cancellationToken)
    {
        var publish = await db.Articles.Where(a => a.PublishedAt > now).MinAsync(a => a.PublishedAt, cancellationToken);
        var unpublish = await db.Articles.Where(a => a.UnpublishAt > now).MinAsync(a => a.UnpublishAt, cancellationToken);
        return publish is null ? unpublish : unpublish is null ? publish : publish < unpublish ? publish : unpublish;
    }
}
