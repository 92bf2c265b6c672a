using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Host.TownHall;

/// <summary>The always-on town content: core pages, opening hours and media (coat of arms).</summary>
internal sealed class TownHallDbContext(DbContextOptions<TownHallDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<CorePage> Pages => Set<CorePage>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<MediaFile> Media => Set<MediaFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CorePage>(e =>
        {
            e.ToTable("core_pages");
            e.HasKey(p => new { p.TenantId, p.Id });
            e.Property(p => p.TenantId).HasColumnName("tenant_id");
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.Key).HasColumnName("key");
            e.Property(p => p.Title).HasColumnName("title");
            e.Property(p => p.Body).HasColumnName("body");
            e.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<OpeningHours>(e =>
        {
            e.ToTable("core_opening_hours");
            e.HasKey(h => new { h.TenantId, h.Id });
            e.Property(h => h.TenantId).HasColumnName("tenant_id");
            e.Property(h => h.Id).HasColumnName("id");
            e.Property(h => h.DayOfWeek).HasColumnName("day_of_week");
            e.Property(h => h.Opens).HasColumnName("opens");
            e.Property(h => h.Closes).HasColumnName("closes");
            e.Property(h => h.Note).HasColumnName("note");
            e.Property(h => h.Position).HasColumnName("position");
        });
        modelBuilder.Entity<MediaFile>(e =>
        {
            e.ToTable("core_media");
            e.HasKey(m => new { m.TenantId, m.Id });
            e.Property(m => m.TenantId).HasColumnName("tenant_id");
            e.Property(m => m.Id).HasColumnName("id");
            e.Property(m => m.Key).HasColumnName("key");
            e.Property(m => m.ContentType).HasColumnName("content_type");
            e.Property(m => m.Content).HasColumnName("content");
            e.Property(m => m.UpdatedAt).HasColumnName("updated_at");
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class CorePage : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class OpeningHours : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int DayOfWeek { get; set; }
    public required string Opens { get; set; }
    public required string Closes { get; set; }
    public string? Note { get; set; }
    public int Position { get; set; }
}

internal sealed class MediaFile : ITenantOwned
{
    public const string CoatOfArms = "coat-of-arms";
    public const string Logo = "logo";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UpdatedAt { get; set; }
}
