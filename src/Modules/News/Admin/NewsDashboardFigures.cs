using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Modules;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Admin;

/// <summary>The news figures on the staff dashboard: what residents see now, what is planned, what is unfinished.</summary>
internal sealed class NewsDashboardFigures(NewsDbContext db, TimeProvider clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await db.Articles.CountAsync(a => a.PublishedAt <= now && (a.UnpublishAt == null || a.UnpublishAt > now), cancellationToken);
        var scheduled = await db.Articles.CountAsync(a => a.PublishedAt > now, cancellationToken);
        var drafts = await db.Articles.CountAsync(a => a.PublishedAt == null, cancellationToken);
        return
        [
            new("news.dashboard.published", published, "/admin/aktuelles?status=veroeffentlicht"),
            new("news.dashboard.scheduled", scheduled, "/admin/aktuelles?status=geplant"),
            new("news.dashboard.drafts", drafts, "/admin/aktuelles?status=entwurf"),
        ];
    }
}
