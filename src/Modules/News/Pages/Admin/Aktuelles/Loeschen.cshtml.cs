using Microsoft.AspNetCore.Mvc;
using Saas.Modules.News.Admin;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Pages.Admin.Aktuelles;

/// <summary>Deleting an article, after a confirmation that names it.</summary>
internal sealed class NewsAdminDeleteModel(ArticleEditor editor) : NewsAdminPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(Name = "Version")]
    public int Version { get; set; }

    public Article Current { get; private set; } = null!;

    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var article = await editor.FindAsync(Id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        Current = article;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await editor.DeleteAsync(Id, Version, cancellationToken))
        {
            case EditOutcome.Saved:
                return Redirect("/admin/aktuelles?geloescht=1");
            case EditOutcome.NotFound:
                return NotFound();
            default:
                // Changed since the confirmation was shown: confirm again, against what is stored now.
                var article = await editor.FindAsync(Id, cancellationToken);
                if (article is null)
                {
                    return NotFound();
                }
                Current = article;
                Conflict = true;
                return Page();
        }
    }
}
