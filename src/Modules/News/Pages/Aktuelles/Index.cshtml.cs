using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Pages.Aktuelles;

/// <summary>The news list: newest first, ten per page, filterable by category.</summary>
internal sealed class NewsIndexModel(NewsQueries news) : PageModel
{
    [FromQuery(Name = "kategorie")]
    public string? CategorySlug { get; set; }

    [FromQuery(Name = "seite")]
    public string? PageNumber { get; set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public Category? CurrentCategory { get; private set; }
    public ArticlePage Result { get; private set; } = new([], 1, NewsQueries.PageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A page number that is not a positive number, or past the end, is a page that does not exist.
        var page = 1;
        if (PageNumber is not null && (!int.TryParse(PageNumber, out page) || page < 1 || page > 10_000))
        {
            return NotFound();
        }
        Categories = await news.CategoriesAsync(cancellationToken);
        if (CategorySlug is not null)
        {
            CurrentCategory = Categories.FirstOrDefault(c => c.Slug == CategorySlug);
            if (CurrentCategory is null)
            {
                return NotFound();
            }
        }
        await NewsCacheWindow.ApplyAsync(HttpContext, cancellationToken);
        Result = await news.ListAsync(CurrentCategory?.Slug, page, NewsQueries.PageSize, cancellationToken);
        if (page > Result.PageCount)
        {
            return NotFound();
        }
        return Page();
    }

    public string PageUrl(int page)
    {
        var category = CurrentCategory is null ? "" : $"kategorie={CurrentCategory.Slug}&";
        return page == 1 && category.Length == 0 ? "/aktuelles" : $"/aktuelles?{category}seite={page}";
    }
}
