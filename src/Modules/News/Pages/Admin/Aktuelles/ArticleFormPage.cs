using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Content;
using Saas.Modules.News.Admin;
using Saas.Modules.News.Data;
using Saas.Modules.News.Images;

namespace Saas.Modules.News.Pages.Admin.Aktuelles;

/// <summary>What the create and the edit page share: the form, its image, the preview and the checks.</summary>
internal abstract class ArticleFormPage(ArticleEditor editor) : NewsAdminPage
{
    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    [BindProperty(Name = "Bild")]
    public IFormFile? Image { get; set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    /// <summary>The image the form currently shows (stored with the article, or uploaded with an earlier submit).</summary>
    public Guid? ShownImageId { get; protected set; }

    public string? PreviewHtml { get; private set; }

    /// <summary>Set when another editor saved first: their version, shown beside the form so nothing is lost.</summary>
    public Article? Stored { get; protected set; }

    public bool MayPublish { get; private set; }

    protected ArticleEditor Editor => editor;

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await editor.CategoriesAsync(cancellationToken);
        MayPublish = await MayPublishAsync();
    }

    /// <summary>Reads the form's image choice; a new upload that is fine is kept as pending, so a form error does not lose it.</summary>
    protected async Task<(ImageChoice Choice, bool HasImage)> ReadImageAsync(Guid? stored, CancellationToken cancellationToken)
    {
        ShownImageId = stored;
        if (Image is { Length: > 0 } file)
        {
            var (image, problem) = await HttpContext.RequestServices.GetRequiredService<NewsImageUpload>().ReadAsync(file, cancellationToken);
            if (image is null)
            {
                ModelState.AddModelError("Bild", problem!.StartsWith("news.", StringComparison.Ordinal) ? T[problem] : problem);
                return (ImageChoice.Keep, stored is not null && !Input.RemoveImage);
            }
            Input.RemoveImage = false;
            return (new ImageChoice(image, null, false), true);
        }
        if (Guid.TryParse(Input.PendingImageId, out var pending) && await editor.ImageExistsAsync(pending, cancellationToken))
        {
            ShownImageId = pending;
            return (new ImageChoice(null, pending, false), true);
        }
        Input.PendingImageId = null;
        if (Input.RemoveImage)
        {
            ShownImageId = null;
            return (new ImageChoice(null, null, true), false);
        }
        return (ImageChoice.Keep, stored is not null);
    }

    /// <summary>Checks the form; adds the problems to the page. Null when something is wrong.</summary>
    protected async Task<ArticleValues?> CheckAsync(bool hasImage, Article? current)
    {
        var (values, problems) = ArticleValidator.Check(Input, Time, Categories.Select(c => c.Id).ToList(), hasImage);
        foreach (var (field, key) in problems)
        {
            AddError($"{nameof(Input)}.{field}", key);
        }
        if (values is not null && !MayPublish
            && (values.PublishAt != current?.PublishedAt || values.UnpublishAt != current?.UnpublishAt))
        {
            AddError($"{nameof(Input)}.{nameof(Input.PublishAt)}", "news.admin.error.publish.forbidden");
            return null;
        }
        await Task.CompletedTask;
        return ModelState.IsValid ? values : null;
    }

    /// <summary>After a refused submit: a fresh upload is stored as pending so the editor need not choose it again.</summary>
    protected async Task KeepUploadAsync(ImageChoice choice, CancellationToken cancellationToken)
    {
        if (choice.Upload is { } upload)
        {
            await editor.StorePendingImageAsync(upload, cancellationToken);
            Input.PendingImageId = upload.Id.ToString();
            ShownImageId = upload.Id;
        }
    }

    protected void Preview()
    {
        var markdown = HttpContext.RequestServices.GetRequiredService<MarkdownRenderer>();
        PreviewHtml = markdown.ToSafeHtml(Input.Body ?? "");
    }

    /// <summary>Another editor saved first: keep everything typed, show their version, and let the next save go through.</summary>
    protected async Task ShowConflictAsync(Guid id, CancellationToken cancellationToken)
    {
        Stored = await editor.FindAsync(id, cancellationToken);
        if (Stored is not null)
        {
            Input.Version = Stored.Version;
        }
        ModelState.AddModelError(string.Empty, T["news.admin.conflict"]);
    }
}
