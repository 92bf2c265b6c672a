using Saas.Modules.News.Data;

namespace Saas.Modules.News.Admin;

/// <summary>
/// The article form as typed. Everything is a string so that nothing the browser sends can fail
/// model binding with an English framework message; <see cref="ArticleValidator"/> says what is wrong in German.
/// </summary>
internal sealed class ArticleInput
{
    public const int TitleMax = 200;
    public const int TeaserMax = 500;
    public const int BodyMax = 50_000;
    public const int AltMax = 250;

    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? CategoryId { get; set; }
    public string? Teaser { get; set; }
    public string? Body { get; set; }
    public string? PublishAt { get; set; }
    public string? UnpublishAt { get; set; }
    public bool Urgent { get; set; }
    public string? UrgentUntil { get; set; }
    public string? ImageAlt { get; set; }
    public bool RemoveImage { get; set; }

    /// <summary>An image uploaded with an earlier submit of this form (preview, or a form error), not yet saved with the article.</summary>
    public string? PendingImageId { get; set; }

    /// <summary>The version the editor started from (optimistic concurrency).</summary>
    public int Version { get; set; }

    /// <summary>Chosen when the empty form is shown and used as the new article's id: a second submit of the same form creates nothing.</summary>
    public Guid FormId { get; set; }

    public static ArticleInput From(Article article, TownTime time) => new()
    {
        Title = article.Title,
        Slug = article.Slug,
        CategoryId = article.CategoryId?.ToString(),
        Teaser = article.Teaser,
        Body = article.Body,
        PublishAt = time.ToInput(article.PublishedAt),
        UnpublishAt = time.ToInput(article.UnpublishAt),
        Urgent = article.Urgent,
        UrgentUntil = time.ToInput(article.UrgentUntil),
        ImageAlt = article.ImageAlt,
        Version = article.Version,
        FormId = article.Id,
    };
}

/// <summary>A checked form: the values to store, or the problems per field (text keys).</summary>
internal sealed record ArticleValues(
    string Title, string? Slug, Guid? CategoryId, string Teaser, string Body,
    DateTime? PublishAt, DateTime? UnpublishAt, bool Urgent, DateTime? UrgentUntil, string? ImageAlt);
