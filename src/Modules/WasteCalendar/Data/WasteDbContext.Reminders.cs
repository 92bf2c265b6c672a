using Microsoft.EntityFrameworkCore;

namespace Saas.Modules.WasteCalendar.Data;

/// <summary>Phase 2 tables: subscriptions and their claims, notices, recurring rules (<c>0002_waste_reminders.sql</c>).</summary>
internal sealed partial class WasteDbContext
{
    private static void MapReminders(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Subscription>(e =>
        {
            e.ToTable("waste_subscriptions");
            e.HasKey(s => new { s.TenantId, s.Id });
            e.Property(s => s.TenantId).HasColumnName("tenant_id");
            e.Property(s => s.Id).HasColumnName("id");
            e.Property(s => s.AreaId).HasColumnName("area_id");
            e.Property(s => s.Email).HasColumnName("email");
            e.Property(s => s.TypeIds).HasColumnName("type_ids");
            e.Property(s => s.Evening).HasColumnName("evening");
            e.Property(s => s.RemindMinute).HasColumnName("remind_minute");
            e.Property(s => s.Culture).HasColumnName("culture");
            e.Property(s => s.CreatedAt).HasColumnName("created_at");
            e.Property(s => s.ConfirmHash).HasColumnName("confirm_hash");
            e.Property(s => s.ConfirmExpiresAt).HasColumnName("confirm_expires_at");
            e.Property(s => s.ConfirmedAt).HasColumnName("confirmed_at");
            e.Ignore(s => s.Types);
            e.HasIndex(s => new { s.TenantId, s.AreaId, s.Email }).IsUnique();
            e.HasOne<CollectionArea>().WithMany().HasForeignKey(s => new { s.TenantId, s.AreaId });
        });
        modelBuilder.Entity<ReminderSent>(e =>
        {
            e.ToTable("waste_reminders_sent");
            e.HasKey(r => new { r.TenantId, r.SubscriptionId, r.TypeId, r.Day });
            e.Property(r => r.TenantId).HasColumnName("tenant_id");
            e.Property(r => r.SubscriptionId).HasColumnName("subscription_id");
            e.Property(r => r.TypeId).HasColumnName("type_id");
            e.Property(r => r.Day).HasColumnName("day");
            e.Property(r => r.AreaId).HasColumnName("area_id");
            e.Property(r => r.SentAt).HasColumnName("sent_at");
            e.HasOne<Subscription>().WithMany().HasForeignKey(r => new { r.TenantId, r.SubscriptionId });
        });
        modelBuilder.Entity<Notice>(e =>
        {
            e.ToTable("waste_notices");
            e.HasKey(n => new { n.TenantId, n.Id });
            e.Property(n => n.TenantId).HasColumnName("tenant_id");
            e.Property(n => n.Id).HasColumnName("id");
            e.Property(n => n.Text).HasColumnName("text");
            e.Property(n => n.MovedFrom).HasColumnName("moved_from");
            e.Property(n => n.MovedTo).HasColumnName("moved_to");
            e.Property(n => n.ShowUntil).HasColumnName("show_until");
            e.Property(n => n.CreatedAt).HasColumnName("created_at");
        });
        modelBuilder.Entity<NoticeArea>(e =>
        {
            e.ToTable("waste_notice_areas");
            e.HasKey(n => new { n.TenantId, n.NoticeId, n.AreaId });
            e.Property(n => n.TenantId).HasColumnName("tenant_id");
            e.Property(n => n.NoticeId).HasColumnName("notice_id");
            e.Property(n => n.AreaId).HasColumnName("area_id");
            e.HasOne<Notice>().WithMany().HasForeignKey(n => new { n.TenantId, n.NoticeId });
            e.HasOne<CollectionArea>().WithMany().HasForeignKey(n => new { n.TenantId, n.AreaId });
        });
        modelBuilder.Entity<NoticeSent>(e =>
        {
            e.ToTable("waste_notices_sent");
            e.HasKey(n => new { n.TenantId, n.NoticeId, n.SubscriptionId });
            e.Property(n => n.TenantId).HasColumnName("tenant_id");
            e.Property(n => n.NoticeId).HasColumnName("notice_id");
            e.Property(n => n.SubscriptionId).HasColumnName("subscription_id");
            e.Property(n => n.SentAt).HasColumnName("sent_at");
            e.HasOne<Notice>().WithMany().HasForeignKey(n => new { n.TenantId, n.NoticeId });
            e.HasOne<Subscription>().WithMany().HasForeignKey(n => new { n.TenantId, n.SubscriptionId });
        });
    }

    private static void MapRules(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Rule>(e =>
        {
            e.ToTable("waste_rules");
            e.HasKey(r => new { r.TenantId, r.Id });
            e.Property(r => r.TenantId).HasColumnName("tenant_id");
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.AreaId).HasColumnName("area_id");
            e.Property(r => r.TypeId).HasColumnName("type_id");
            e.Property(r => r.EveryWeeks).HasColumnName("every_weeks");
            e.Property(r => r.Weekday).HasColumnName("weekday").HasConversion<int>();
            e.Property(r => r.Starts).HasColumnName("starts");
            e.Property(r => r.Ends).HasColumnName("ends");
            e.HasOne<CollectionArea>().WithMany().HasForeignKey(r => new { r.TenantId, r.AreaId });
            e.HasOne<WasteType>().WithMany().HasForeignKey(r => new { r.TenantId, r.TypeId });
        });
        modelBuilder.Entity<RuleException>(e =>
        {
            e.ToTable("waste_rule_exceptions");
            e.HasKey(r => new { r.TenantId, r.RuleId, r.Day });
            e.Property(r => r.TenantId).HasColumnName("tenant_id");
            e.Property(r => r.RuleId).HasColumnName("rule_id");
            e.Property(r => r.Day).HasColumnName("day");
            e.Property(r => r.MovedTo).HasColumnName("moved_to");
            e.HasOne<Rule>().WithMany().HasForeignKey(r => new { r.TenantId, r.RuleId });
        });
    }
}
