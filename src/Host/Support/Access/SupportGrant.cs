using Microsoft.EntityFrameworkCore;

namespace Saas.Host.Support.Access;

/// <summary>
/// One support access to one town: who, why, until when. Control plane (no row-level security):
/// the console lists grants of every town, and the town-side session check reads one by id.
/// </summary>
internal sealed class SupportGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SupportStaffId { get; set; }
    public required string SupportName { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the single-use token was exchanged for a session on the town's host.</summary>
    public DateTime? RedeemedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    public bool IsActiveAt(DateTime utcNow) => EndedAt is null && ExpiresAt > utcNow;
}

internal sealed class SupportGrantsDbContext(DbContextOptions<SupportGrantsDbContext> options) : DbContext(options)
{
    public DbSet<SupportGrant> Grants => Set<SupportGrant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SupportGrant>(e =>
        {
            e.ToTable("platform_support_grants");
            e.HasKey(g => g.Id);
            e.Property(g => g.Id).HasColumnName("id");
            e.Property(g => g.TenantId).HasColumnName("tenant_id");
            e.Property(g => g.SupportStaffId).HasColumnName("support_staff_id");
            e.Property(g => g.SupportName).HasColumnName("support_name");
            e.Property(g => g.Reason).HasColumnName("reason");
            e.Property(g => g.CreatedAt).HasColumnName("created_at");
            e.Property(g => g.ExpiresAt).HasColumnName("expires_at");
            e.Property(g => g.RedeemedAt).HasColumnName("redeemed_at");
            e.Property(g => g.EndedAt).HasColumnName("ended_at");
        });
    }
}
