using Microsoft.AspNetCore.Mvc;
using Saas.Modules.News.Admin;

namespace Saas.Modules.News.Pages.Admin.Aktuelles;

/// <summary>A new article. The form carries the new article's id, so sending it twice creates one article.</summary>
internal sealed class NewsAdminCreateModel(ArticleEditor editor) : ArticleFormPage(editor)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new ArticleInput { FormId = Guid.CreateVersion7() };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Input.FormId == Guid.Empty)
        {
            Input.FormId = Guid.CreateVersion7();
        }
        var (image, hasImage) = await ReadImageAsync(null, cancellationToken);
        var values = await CheckAsync(hasImage, null);
        if (values is null)
        {
            await KeepUploadAsync(image, cancellationToken);
            return Page();
        }
        switch (await Editor.CreateAsync(Input.FormId, values, image, cancellationToken))
        {
            case EditOutcome.Saved:
                return Redirect($"/admin/aktuelles/{Input.FormId}?gespeichert=1");
            case EditOutcome.AlreadyCreated:
                return Redirect($"/admin/aktuelles/{Input.FormId}");
            default:
                AddError($"{nameof(Input)}.{nameof(Input.Slug)}", "news.admin.error.slug.taken");
                await KeepUploadAsync(image, cancellationToken);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostVorschauAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (image, _) = await ReadImageAsync(null, cancellationToken);
        await KeepUploadAsync(image, cancellationToken);
        Preview();
        return Page();
    }
}
