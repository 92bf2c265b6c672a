using System.Text;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.Coworking.Data;

/// <summary>The co-working module's own tables (<c>coworking_*</c>); no joins into other modules.</summary>
internal sealed class CoworkingDbContext(DbContextOptions<CoworkingDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Space> Spaces => Set<Space>();
    public DbSet<SpaceHours> Hours => Set<SpaceHours>();
    public DbSet<Workplace> Workplaces => Set<Workplace>();
    public DbSet<DeskBooking> Bookings => Set<DeskBooking>();
    public DbSet<DeskPass> Passes => Set<DeskPass>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Space>().ToTable("coworking_spaces");
        modelBuilder.Entity<SpaceHours>(e =>
        {
            e.ToTable("coworking_hours");
            e.HasOne<Space>().WithMany().HasForeignKey(h => new { h.TenantId, h.SpaceId });
        });
        modelBuilder.Entity<Workplace>(e =>
        {
            e.ToTable("coworking_workplaces");
            e.HasOne<Space>().WithMany().HasForeignKey(w => new { w.TenantId, w.SpaceId });
        });
        modelBuilder.Entity<DeskBooking>(e =>
        {
            e.ToTable("coworking_bookings");
            e.HasOne<Workplace>().WithMany().HasForeignKey(b => new { b.TenantId, b.WorkplaceId });
        });
        modelBuilder.Entity<DeskPass>(e =>
        {
            e.ToTable("coworking_passes");
            e.HasOne<Space>().WithMany().HasForeignKey(p => new { p.TenantId, p.SpaceId });
        });
        // Every table keys on (tenant_id, id) and names its columns in snake_case, like the SQL migrations.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            modelBuilder.Entity(entity.ClrType).HasKey(nameof(ITenantOwned.TenantId), "Id");
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Snake(property.Name));
            }
        }
        base.OnModelCreating(modelBuilder);
    }

    private static string Snake(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
