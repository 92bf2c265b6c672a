using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Modules;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Support;

/// <summary>The town's article count for the support console; News stores no files of its own yet.</summary>
internal sealed class NewsUsage(NewsDbContext db) : ITenantUsage
{
    public async Task<TenantUsage> MeasureAsync(CancellationToken cancellationToken) =>
        new("news.usage.articles", await db.Articles.LongCountAsync(cancellationToken), 0);
}
