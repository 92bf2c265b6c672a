using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Modules;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Dashboard;

/// <summary>The staff dashboard's news figures: articles already published and articles scheduled for later.</summary>
internal sealed class NewsDashboardFigures(NewsDbContext db, TimeProvider clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await db.Articles.CountAsync(a => a.PublishedAt <= now, cancellationToken);
        var scheduled = await db.Articles.CountAsync(a => a.PublishedAt > now, cancellationToken);
        return
        [
            new("news.dashboard.published", published),
            new("news.dashboard.scheduled", scheduled),
        ];
    }
}
