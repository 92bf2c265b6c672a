using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.WasteCalendar.Data;

/// <summary>The waste calendar's own tables (<c>waste_*</c>); no joins into other modules.</summary>
internal sealed partial class WasteDbContext(DbContextOptions<WasteDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<WasteType> Types => Set<WasteType>();
    public DbSet<CollectionArea> Areas => Set<CollectionArea>();
    public DbSet<StreetSegment> Streets => Set<StreetSegment>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<ReminderSent> RemindersSent => Set<ReminderSent>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeArea> NoticeAreas => Set<NoticeArea>();
    public DbSet<NoticeSent> NoticesSent => Set<NoticeSent>();
    public DbSet<Rule> Rules => Set<Rule>();
    public DbSet<RuleException> RuleExceptions => Set<RuleException>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WasteType>(e =>
        {
            e.ToTable("waste_types");
            e.HasKey(t => new { t.TenantId, t.Id });
            e.Property(t => t.TenantId).HasColumnName("tenant_id");
            e.Property(t => t.Id).HasColumnName("id");
            e.Property(t => t.Name).HasColumnName("name");
            e.Property(t => t.Colour).HasColumnName("colour");
            e.Property(t => t.Icon).HasColumnName("icon");
            e.Property(t => t.SortOrder).HasColumnName("sort_order");
        });
        modelBuilder.Entity<CollectionArea>(e =>
        {
            e.ToTable("waste_areas");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.Property(a => a.TenantId).HasColumnName("tenant_id");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.Name).HasColumnName("name");
        });
        modelBuilder.Entity<StreetSegment>(e =>
        {
            e.ToTable("waste_streets");
            e.HasKey(s => new { s.TenantId, s.Id });
            e.Property(s => s.TenantId).HasColumnName("tenant_id");
            e.Property(s => s.Id).HasColumnName("id");
            e.Property(s => s.AreaId).HasColumnName("area_id");
            e.Property(s => s.Village).HasColumnName("village");
            e.Property(s => s.Street).HasColumnName("street");
            e.Property(s => s.SearchKey).HasColumnName("search_key");
            e.Property(s => s.FromNumber).HasColumnName("from_number");
            e.Property(s => s.ToNumber).HasColumnName("to_number");
            e.HasOne<CollectionArea>().WithMany().HasForeignKey(s => new { s.TenantId, s.AreaId });
        });
        modelBuilder.Entity<Collection>(e =>
        {
            e.ToTable("waste_collections");
            e.HasKey(c => new { c.TenantId, c.AreaId, c.TypeId, c.Day });
            e.Property(c => c.TenantId).HasColumnName("tenant_id");
            e.Property(c => c.AreaId).HasColumnName("area_id");
            e.Property(c => c.TypeId).HasColumnName("type_id");
            e.Property(c => c.Day).HasColumnName("day");
            e.HasOne<CollectionArea>().WithMany().HasForeignKey(c => new { c.TenantId, c.AreaId });
            e.HasOne<WasteType>().WithMany().HasForeignKey(c => new { c.TenantId, c.TypeId });
        });
        MapReminders(modelBuilder);
        MapRules(modelBuilder);
        base.OnModelCreating(modelBuilder);
    }
}
