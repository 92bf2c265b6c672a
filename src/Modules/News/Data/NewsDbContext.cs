using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.News.Data;

/// <summary>The news module's own tables (<c>news_*</c>); no joins into other modules.</summary>
internal sealed class NewsDbContext(DbContextOptions<NewsDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Category> Categories => Set<Category>();

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
            // The foreign key includes tenant_id: an article can only ever point at its own town's category.
            e.HasOne(a => a.Category).WithMany().HasForeignKey(a => new { a.TenantId, a.CategoryId }).IsRequired(false);
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

    /// <summary>UTC; the article is visible from this moment on (scheduled publishing).</summary>
    public DateTime PublishedAt { get; set; }
    public bool Urgent { get; set; }

    /// <summary>UTC; the urgent banner disappears after this moment; null keeps it until unset.</summary>
    public DateTime? UrgentUntil { get; set; }
    public DateTime UpdatedAt { get; set; }
}
