using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Pages.Admin.Aktuelles;

/// <summary>Every article of the town, drafts included, newest change first; filter by state and category.</summary>
internal sealed class NewsAdminIndexModel(NewsDbContext db, TimeProvider clock) : NewsAdminPage
{
    public const int PageSize = 20;

    /// <summary>The state filter's values as they appear in the address.</summary>
    public static readonly IReadOnlyList<string> States = ["entwurf", "geplant", "veroeffentlicht", "beendet", "eilmeldung"];

    [FromQuery(Name = "status")]
    public string? State { get; set; }

    [FromQuery(Name = "kategorie")]
    public string? CategorySlug { get; set; }

    [FromQuery(Name = "seite")]
    public string? PageNumber { get; set; }

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<Article> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Unknown filter values are a page that does not exist, as on the resident pages.
        if ((PageNumber is not null && (!int.TryParse(PageNumber, out var page) || page is < 1 or > 10_000))
            || (!string.IsNullOrEmpty(State) && !States.Contains(State)))
        {
            return NotFound();
        }
        CurrentPage = PageNumber is null ? 1 : int.Parse(PageNumber, System.Globalization.CultureInfo.InvariantCulture);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var query = db.Articles.AsNoTracking();
        if (!string.IsNullOrEmpty(CategorySlug))
        {
            var category = Categories.FirstOrDefault(c => c.Slug == CategorySlug);
            if (category is null)
            {
                return NotFound();
            }
            query = query.Where(a => a.CategoryId == category.Id);
        }
        var now = Now;
        query = State switch
        {
            "entwurf" => query.Where(a => a.PublishedAt == null),
            "geplant" => query.Where(a => a.PublishedAt > now),
            "veroeffentlicht" => query.Where(a => a.PublishedAt <= now && (a.UnpublishAt == null || a.UnpublishAt > now)),
            "beendet" => query.Where(a => a.PublishedAt != null && a.UnpublishAt <= now),
            "eilmeldung" => query.Where(a => a.Urgent && (a.UrgentUntil == null || a.UrgentUntil > now) && (a.UnpublishAt == null || a.UnpublishAt > now)),
            _ => query,
        };
        Total = await query.CountAsync(cancellationToken);
        if (CurrentPage > PageCount)
        {
            return NotFound();
        }
        Items = await query.Include(a => a.Category)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((CurrentPage - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return Page();
    }

    public bool IsUrgentNow(Article a) => a.Urgent && (a.UrgentUntil is null || a.UrgentUntil > Now) && a.StateAt(Now) is ArticleState.Published or ArticleState.Scheduled;

    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(State))
        {
            query.Add($"status={State}");
        }
        if (!string.IsNullOrEmpty(CategorySlug))
        {
            query.Add($"kategorie={CategorySlug}");
        }
        if (page > 1)
        {
            query.Add($"seite={page}");
        }
        return query.Count == 0 ? "/admin/aktuelles" : "/admin/aktuelles?" + string.Join("&", query);
    }
}
