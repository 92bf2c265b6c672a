using Microsoft.AspNetCore.Mvc;
using Saas.Modules.News.Admin;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Pages.Admin.Aktuelles.Kategorien;

/// <summary>Deleting a category after confirmation; refused while articles are filed under it.</summary>
internal sealed class NewsAdminCategoryDeleteModel(CategoryEditor editor) : NewsAdminPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public Category Current { get; private set; } = null!;

    public int Articles { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await editor.DeleteAsync(Id, cancellationToken))
        {
            case CategoryDeletion.Deleted:
                return Redirect("/admin/aktuelles/kategorien?erledigt=geloescht");
            case CategoryDeletion.NotFound:
                return NotFound();
            default:
                return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var category = await editor.FindAsync(Id, cancellationToken);
        if (category is null)
        {
            return false;
        }
        Current = category;
        Articles = await editor.ArticleCountAsync(Id, cancellationToken);
        return true;
    }
}
