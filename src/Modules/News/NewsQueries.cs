using Microsoft.EntityFrameworkCore;
using Saas.Modules.News.Data;

namespace Saas.Modules.News;

/// <summary>What residents may see: published articles only, newest first. Shared by pages, feeds and API.</summary>
internal sealed class NewsQueries(NewsDbContext db, TimeProvider clock)
{
    public const int PageSize = 10;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Article> Published => db.Articles.AsNoTracking().Where(a => a.PublishedAt <= Now);

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

    public Task<List<Article>> UrgentAsync(CancellationToken cancellationToken) =>
        Published.Where(a => a.Urgent && (a.UrgentUntil == null || a.UrgentUntil > Now))
            .OrderByDescending(a => a.PublishedAt).ToListAsync(cancellationToken);

    public Task<Article?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        Published.Include(a => a.Category).SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);

    public Task<Article?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        Published.Include(a => a.Category).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<List<Category>> CategoriesAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
}

internal sealed record ArticlePage(IReadOnlyList<Article> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
