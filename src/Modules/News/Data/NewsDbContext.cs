using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.News.Data;

/// <summary>The news module's own tables (<c>news_*</c>); no joins into other modules.</summary>
internal sealed class NewsDbContext(DbContextOptions<NewsDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<NewsImage> Images => Set<NewsImage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("news_categories");
            e.HasKey(c => new { c.TenantId, c.Id });
            e.Property(c => c.TenantId).HasColumnName("tenant_id");
            e.Property(c => c.Id).HasColumnName("id");
            e.Property(c => c.Slug).HasColumnName("slug");
            e.Property(c => c.Name).HasColumnName("name");
        });
        modelBuilder.Entity<Article>(e =>
        {
            e.ToTable("news_articles");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.Property(a => a.TenantId).HasColumnName("tenant_id");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.Slug).HasColumnName("slug");
            e.Property(a => a.Title).HasColumnName("title");
            e.Property(a => a.Teaser).HasColumnName("teaser");
            e.Property(a => a.Body).HasColumnName("body");
            e.Property(a => a.CategoryId).HasColumnName("category_id");
            e.Property(a => a.PublishedAt).HasColumnName("published_at");
            e.Property(a => a.Urgent).HasColumnName("urgent");
            e.Property(a => a.UrgentUntil).HasColumnName("urgent_until");
            e.Property(a => a.UpdatedAt).HasColumnName("updated_at");
            e.Property(a => a.UnpublishAt).HasColumnName("unpublish_at");
            e.Property(a => a.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(a => a.ImageId).HasColumnName("image_id");
            e.Property(a => a.ImageAlt).HasColumnName("image_alt");
            // The foreign keys include tenant_id: an article can only ever point at its own town's category and image.
            e.HasOne(a => a.Category).WithMany().HasForeignKey(a => new { a.TenantId, a.CategoryId }).IsRequired(false);
            e.HasOne<NewsImage>().WithMany().HasForeignKey(a => new { a.TenantId, a.ImageId }).IsRequired(false);
        });
        modelBuilder.Entity<NewsImage>(e =>
        {
            e.ToTable("news_images");
            e.HasKey(i => new { i.TenantId, i.Id });
            e.Property(i => i.TenantId).HasColumnName("tenant_id");
            e.Property(i => i.Id).HasColumnName("id");
            e.Property(i => i.ContentType).HasColumnName("content_type");
            e.Property(i => i.Content).HasColumnName("content");
            e.Property(i => i.Width).HasColumnName("width");
            e.Property(i => i.Height).HasColumnName("height");
            e.Property(i => i.CreatedAt).HasColumnName("created_at");
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class Category : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Name { get; set; }
}

internal sealed class Article : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Teaser { get; set; }
    public required string Body { get; set; }
    public Guid? CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>UTC; the article is visible from this moment on (scheduled publishing); null while it is a draft.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>UTC; the article disappears for residents at this moment (scheduled unpublishing); null keeps it.</summary>
    public DateTime? UnpublishAt { get; set; }
    public bool Urgent { get; set; }

    /// <summary>UTC; the urgent banner disappears after this moment; null keeps it until unset.</summary>
    public DateTime? UrgentUntil { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised by every save; two editors saving the same version cannot both win.</summary>
    public int Version { get; set; } = 1;

    public Guid? ImageId { get; set; }

    /// <summary>Describes the image for people who cannot see it; required whenever there is an image.</summary>
    public string? ImageAlt { get; set; }

    public ArticleState StateAt(DateTime nowUtc) => this switch
    {
        { PublishedAt: null } => ArticleState.Draft,
        { PublishedAt: var p } when p > nowUtc => ArticleState.Scheduled,
        { UnpublishAt: var u } when u <= nowUtc => ArticleState.Unpublished,
        _ => ArticleState.Published,
    };
}

internal enum ArticleState
{
    Draft,
    Scheduled,
    Published,
    Unpublished,
}

/// <summary>An article's picture: only the re-encoded bytes from the image sanitizer, never the upload itself.</summary>
internal sealed class NewsImage : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime CreatedAt { get; set; }
}
