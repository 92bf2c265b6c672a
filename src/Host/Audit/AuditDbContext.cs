using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Audit;

/// <summary>The town's audit log; rows are only ever inserted (and anonymised when a person is erased).</summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("core_audit_log");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.Property(a => a.TenantId).HasColumnName("tenant_id");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.At).HasColumnName("at");
            e.Property(a => a.ActorKind).HasColumnName("actor_kind");
            e.Property(a => a.ActorId).HasColumnName("actor_id");
            e.Property(a => a.ActorName).HasColumnName("actor_name");
            e.Property(a => a.Action).HasColumnName("action");
            e.Property(a => a.Target).HasColumnName("target");
            e.Property(a => a.Details).HasColumnName("details");
            e.Property(a => a.Address).HasColumnName("address");
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class AuditEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }

    /// <summary><c>staff</c>, <c>support</c>, <c>resident</c> or <c>system</c>.</summary>
    public required string ActorKind { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Details { get; set; }

    /// <summary>The client address as the proxy reported it.</summary>
    public string? Address { get; set; }
}
