using Microsoft.AspNetCore.Mvc;
using Saas.Modules.News.Admin;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Pages.Admin.Aktuelles;

/// <summary>Editing one article, and its publish-now and unpublish actions.</summary>
internal sealed class NewsAdminEditModel(ArticleEditor editor) : ArticleFormPage(editor)
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "gespeichert")]
    public string? Saved { get; set; }

    /// <summary>The article as stored (state, times, image) when the page was built.</summary>
    public Article Current { get; private set; } = null!;

    public string? Message { get; private set; }

    public DateTime EditorNow => Editor.Now;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        Input = ArticleInput.From(Current, Time);
        ShownImageId = Current.ImageId;
        Message = Saved switch
        {
            "1" => T["news.admin.saved"],
            "veroeffentlicht" => T["news.admin.published"],
            "zurueckgezogen" => T["news.admin.unpublished"],
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        var (image, hasImage) = await ReadImageAsync(Current.ImageId, cancellationToken);
        var values = await CheckAsync(hasImage, Current);
        if (values is null)
        {
            await KeepUploadAsync(image, cancellationToken);
            return Page();
        }
        switch (await Editor.UpdateAsync(Id, Input.Version, values, image, cancellationToken))
        {
            case EditOutcome.Saved:
                return Redirect($"/admin/aktuelles/{Id}?gespeichert=1");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Conflict:
                await KeepUploadAsync(image, cancellationToken);
                await ShowConflictAsync(Id, cancellationToken);
                return Page();
            default:
                AddError($"{nameof(Input)}.{nameof(Input.Slug)}", "news.admin.error.slug.taken");
                await KeepUploadAsync(image, cancellationToken);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostVorschauAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        var (image, _) = await ReadImageAsync(Current.ImageId, cancellationToken);
        await KeepUploadAsync(image, cancellationToken);
        Preview();
        return Page();
    }

    public Task<IActionResult> OnPostVeroeffentlichenAsync(CancellationToken cancellationToken) =>
        ActAsync(Editor.PublishNowAsync, "veroeffentlicht", cancellationToken);

    public Task<IActionResult> OnPostZurueckziehenAsync(CancellationToken cancellationToken) =>
        ActAsync(Editor.UnpublishAsync, "zurueckgezogen", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Guid, int, CancellationToken, Task<EditOutcome>> action, string done, CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!await MayPublishAsync())
        {
            return Forbid();
        }
        var outcome = await action(Id, Input.Version, cancellationToken);
        if (outcome == EditOutcome.Saved)
        {
            return Redirect($"/admin/aktuelles/{Id}?gespeichert={done}");
        }
        if (outcome == EditOutcome.NotFound)
        {
            return NotFound();
        }
        // Someone saved meanwhile: show the stored article and say so; nothing was changed.
        await LoadAsync(cancellationToken);
        Input = ArticleInput.From(Current, Time);
        ShownImageId = Current.ImageId;
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, T["news.admin.conflict.action"]);
        return Page();
    }

    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var article = await Editor.FindAsync(Id, cancellationToken);
        if (article is null)
        {
            return false;
        }
        Current = article;
        return true;
    }
}
