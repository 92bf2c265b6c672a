using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Kernel.Content;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Pages.Aktuelles;

internal sealed class NewsArticleModel(NewsQueries news, MarkdownRenderer markdown) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public Article Article { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var article = await news.FindBySlugAsync(Slug, cancellationToken);
        if (article is null)
        {
            // Not cached either way (only 200s are); a scheduled article's address answers 404 until its time.
            return NotFound();
        }
        await NewsCacheWindow.ApplyAsync(HttpContext, cancellationToken);
        Article = article;
        BodyHtml = markdown.ToSafeHtml(article.Body);
        return Page();
    }
}
