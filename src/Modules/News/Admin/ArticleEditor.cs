using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Kernel.Data;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Admin;

/// <summary>
/// Every change staff make to articles: checked against the version the editor started from,
/// recorded in the town's audit log, and followed by dropping the town's cached public pages
/// (a new schedule changes how long a cached page may live, too).
/// </summary>
internal sealed class ArticleEditor(NewsDbContext db, IAuditLog audit, IPublicPages pages, TimeProvider clock)
{
    private static readonly TimeSpan OrphanImageAge = TimeSpan.FromDays(1);

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public Task<Article?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Articles.Include(a => a.Category).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<bool> ImageExistsAsync(Guid id, CancellationToken cancellationToken) =>
        db.Images.AnyAsync(i => i.Id == id, cancellationToken);

    /// <summary>Keeps an upload of a form that was refused or previewed; unused ones are dropped after a day.</summary>
    public async Task StorePendingImageAsync(NewsImage image, CancellationToken cancellationToken)
    {
        image.CreatedAt = Now;
        db.Images.Add(image);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);

    public async Task<EditOutcome> CreateAsync(Guid id, ArticleValues values, ImageChoice image, CancellationToken cancellationToken)
    {
        if (await db.Articles.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return EditOutcome.AlreadyCreated;
        }
        var slug = await SlugAsync(id, values, cancellationToken);
        if (slug is null)
        {
            return EditOutcome.SlugTaken;
        }
        var article = new Article
        {
            Id = id,
            Slug = slug,
            Title = values.Title,
            Teaser = values.Teaser,
            Body = values.Body,
            UpdatedAt = Now,
        };
        Apply(article, values);
        SetImage(article, image);
        db.Articles.Add(article);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same form sent twice at once: the first insert won.
            db.ChangeTracker.Clear();
            return await db.Articles.AnyAsync(a => a.Id == id, cancellationToken) ? EditOutcome.AlreadyCreated : EditOutcome.SlugTaken;
        }
        await audit.RecordAsync("news.article.created", article.Title, cancellationToken: cancellationToken);
        await RecordScheduleAsync(article, null, null, cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return EditOutcome.Saved;
    }

    public async Task<EditOutcome> UpdateAsync(Guid id, int version, ArticleValues values, ImageChoice image, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditOutcome.NotFound;
        }
        if (article.Version != version)
        {
            return EditOutcome.Conflict;
        }
        var slug = await SlugAsync(id, values, cancellationToken);
        if (slug is null)
        {
            return EditOutcome.SlugTaken;
        }
        var (oldPublish, oldUnpublish, oldImage) = (article.PublishedAt, article.UnpublishAt, article.ImageId);
        var changed = Changes(article, values, slug, image);
        article.Slug = slug;
        article.Title = values.Title;
        article.Teaser = values.Teaser;
        article.Body = values.Body;
        Apply(article, values);
        SetImage(article, image);
        var outcome = await SaveAsync(article, cancellationToken);
        if (outcome != EditOutcome.Saved)
        {
            return outcome;
        }
        await DeleteUnusedImageAsync(oldImage, cancellationToken);
        await audit.RecordAsync("news.article.updated", article.Title, changed, cancellationToken);
        await RecordScheduleAsync(article, oldPublish, oldUnpublish, cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return EditOutcome.Saved;
    }

    public async Task<EditOutcome> PublishNowAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditOutcome.NotFound;
        }
        if (article.Version != version)
        {
            return EditOutcome.Conflict;
        }
        article.PublishedAt = Now;
        if (article.UnpublishAt <= Now)
        {
            article.UnpublishAt = null; // otherwise it would end the moment it starts
        }
        var outcome = await SaveAsync(article, cancellationToken);
        if (outcome == EditOutcome.Saved)
        {
            await audit.RecordAsync("news.article.published", article.Title, cancellationToken: cancellationToken);
            await pages.ChangedAsync(cancellationToken);
        }
        return outcome;
    }

    /// <summary>A published article ends now; a scheduled one goes back to being a draft.</summary>
    public async Task<EditOutcome> UnpublishAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditOutcome.NotFound;
        }
        if (article.Version != version)
        {
            return EditOutcome.Conflict;
        }
        switch (article.StateAt(Now))
        {
            case ArticleState.Published:
                article.UnpublishAt = Now;
                break;
            case ArticleState.Scheduled:
                article.PublishedAt = null;
                article.UnpublishAt = null;
                break;
            default:
                return EditOutcome.Saved; // nothing residents see; nothing to do
        }
        var outcome = await SaveAsync(article, cancellationToken);
        if (outcome == EditOutcome.Saved)
        {
            await audit.RecordAsync("news.article.unpublished", article.Title, cancellationToken: cancellationToken);
            await pages.ChangedAsync(cancellationToken);
        }
        return outcome;
    }

    public async Task<EditOutcome> DeleteAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditOutcome.NotFound;
        }
        if (article.Version != version)
        {
            return EditOutcome.Conflict;
        }
        db.Articles.Remove(article);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditOutcome.Conflict;
        }
        await DeleteUnusedImageAsync(article.ImageId, cancellationToken);
        await audit.RecordAsync("news.article.deleted", article.Title, cancellationToken: cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return EditOutcome.Saved;
    }

    private async Task<EditOutcome> SaveAsync(Article article, CancellationToken cancellationToken)
    {
        article.Version++;
        article.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write; the version check in the UPDATE caught it.
            db.ChangeTracker.Clear();
            return EditOutcome.Conflict;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return EditOutcome.SlugTaken;
        }
    }

    private static void Apply(Article article, ArticleValues values)
    {
        article.CategoryId = values.CategoryId;
        article.PublishedAt = values.PublishAt;
        article.UnpublishAt = values.UnpublishAt;
        article.Urgent = values.Urgent;
        article.UrgentUntil = values.Urgent ? values.UrgentUntil : null;
        article.ImageAlt = values.ImageAlt;
    }

    private void SetImage(Article article, ImageChoice image)
    {
        if (image.Upload is { } upload)
        {
            upload.CreatedAt = Now;
            db.Images.Add(upload);
            article.ImageId = upload.Id;
        }
        else if (image.Pending is { } pending)
        {
            article.ImageId = pending;
        }
        else if (image.Remove)
        {
            article.ImageId = null;
        }
        if (article.ImageId is null)
        {
            article.ImageAlt = null;
        }
    }

    /// <summary>The slug to store: the one typed (null when another article has it), or one made from the title.</summary>
    private async Task<string?> SlugAsync(Guid id, ArticleValues values, CancellationToken cancellationToken)
    {
        if (values.Slug is { } typed)
        {
            return await db.Articles.AnyAsync(a => a.Id != id && a.Slug == typed, cancellationToken) ? null : typed;
        }
        var made = SlugMaker.From(values.Title);
        var taken = (await db.Articles.Where(a => a.Id != id && a.Slug.StartsWith(made)).Select(a => a.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return SlugMaker.Unique(made, taken.Contains);
    }

    private static string Changes(Article article, ArticleValues values, string slug, ImageChoice image)
    {
        var changed = new List<string>();
        void Check(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }
        Check(article.Title != values.Title, "title");
        Check(article.Slug != slug, "slug");
        Check(article.CategoryId != values.CategoryId, "category");
        Check(article.Teaser != values.Teaser, "teaser");
        Check(article.Body != values.Body, "body");
        Check(article.Urgent != values.Urgent || article.UrgentUntil != (values.Urgent ? values.UrgentUntil : null), "urgent");
        Check(image.Upload is not null || image.Pending is not null || (image.Remove && article.ImageId is not null) || article.ImageAlt != values.ImageAlt, "image");
        return string.Join(", ", changed);
    }

    private async Task RecordScheduleAsync(Article article, DateTime? oldPublish, DateTime? oldUnpublish, CancellationToken cancellationToken)
    {
        if (article.PublishedAt != oldPublish)
        {
            var action = article.PublishedAt switch
            {
                null => "news.article.unpublished",
                { } at when at <= Now => "news.article.published",
                _ => "news.article.scheduled",
            };
            await audit.RecordAsync(action, article.Title, Utc(article.PublishedAt), cancellationToken);
        }
        if (article.UnpublishAt != oldUnpublish && article.UnpublishAt is not null)
        {
            await audit.RecordAsync("news.article.unpublishScheduled", article.Title, Utc(article.UnpublishAt), cancellationToken);
        }
    }

    private static string? Utc(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Drops a replaced image, and images uploaded with a form that was never saved (after a day).</summary>
    private async Task DeleteUnusedImageAsync(Guid? replaced, CancellationToken cancellationToken)
    {
        var before = Now - OrphanImageAge;
        await db.Images
            .Where(i => (i.Id == replaced || i.CreatedAt < before) && !db.Articles.Any(a => a.ImageId == i.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }
}

internal enum EditOutcome
{
    Saved,
    NotFound,
    Conflict,
    SlugTaken,
    AlreadyCreated,
}

/// <summary>What to do with the article's image: a new upload, one uploaded with an earlier submit, removal, or (all empty) keep.</summary>
internal sealed record ImageChoice(NewsImage? Upload, Guid? Pending, bool Remove)
{
    public static ImageChoice Keep { get; } = new(null, null, false);
}
