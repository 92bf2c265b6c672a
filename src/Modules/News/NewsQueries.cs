using Microsoft.EntityFrameworkCore;
using Saas.Modules.News.Data;

namespace Saas.Modules.News;

/// <summary>
/// What residents may see: articles whose publication time has come and whose unpublish time has
/// not, newest first. Shared by pages, feeds and API. One request sees the news as of one moment.
/// </summary>
internal sealed class NewsQueries(NewsDbContext db, TimeProvider clock)
{
    public const int PageSize = 10;

    /// <summary>The moment this request looks at; fixed, so the list and <see cref="NextChangeAsync"/> agree.</summary>
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    private IQueryable<Article> Published
    {
        get
        {
            var now = Now;
            return db.Articles.AsNoTracking()
                .Where(a => a.PublishedAt != null && a.PublishedAt <= now && (a.UnpublishAt == null || a.UnpublishAt > now));
        }
    }

    public async Task<ArticlePage> ListAsync(string? categorySlug, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Published;
        if (!string.IsNullOrEmpty(categorySlug))
        {
            query = query.Where(a => a.Category != null && a.Category.Slug == categorySlug);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Include(a => a.Category)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new ArticlePage(items, page, pageSize, total);
    }

    public Task<List<Article>> LatestAsync(int count, CancellationToken cancellationToken) =>
        Published.Include(a => a.Category).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);

    public Task<List<Article>> UrgentAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        return Published.Where(a => a.Urgent && (a.UrgentUntil == null || a.UrgentUntil > now))
            .OrderByDescending(a => a.PublishedAt).ToListAsync(cancellationToken);
    }

    public Task<Article?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        Published.Include(a => a.Category).SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);

    public Task<Article?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        Published.Include(a => a.Category).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>True when a published article shows the image (drafts' images stay private).</summary>
    public Task<bool> IsImagePublishedAsync(Guid imageId, CancellationToken cancellationToken) =>
        Published.AnyAsync(a => a.ImageId == imageId, cancellationToken);

    public Task<List<Category>> CategoriesAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// The next moment after <see cref="Now"/> at which what residents see changes by itself: an
    /// article's publication or unpublish time, or the end of an urgent notice. Null when none is planned.
    /// </summary>
    public async Task<DateTime?> NextChangeAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var articles = db.Articles.AsNoTracking();
        var publish = await articles.Where(a => a.PublishedAt > now).MinAsync(a => a.PublishedAt, cancellationToken);
        var unpublish = await articles.Where(a => a.UnpublishAt > now).MinAsync(a => a.UnpublishAt, cancellationToken);
        var urgent = await articles.Where(a => a.Urgent && a.UrgentUntil > now).MinAsync(a => a.UrgentUntil, cancellationToken);
        return new[] { publish, unpublish, urgent }.Min(); // nulls are skipped
    }
}

internal sealed record ArticlePage(IReadOnlyList<Article> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
