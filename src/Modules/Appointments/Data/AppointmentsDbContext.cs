using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.Appointments.Data;

/// <summary>The appointments module's own tables (<c>appointments_*</c>); no joins into other modules.</summary>
internal sealed partial class AppointmentsDbContext(DbContextOptions<AppointmentsDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<ClosedDay> ClosedDays => Set<ClosedDay>();
    public DbSet<SlotCount> SlotCounts => Set<SlotCount>();
    public DbSet<Booking> Bookings => Set<Booking>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Location>(e =>
        {
            e.ToTable("appointments_locations");
            e.HasKey(l => new { l.TenantId, l.Id });
            e.Property(l => l.TenantId).HasColumnName("tenant_id");
            e.Property(l => l.Id).HasColumnName("id");
            e.Property(l => l.Name).HasColumnName("name");
            e.Property(l => l.Street).HasColumnName("street");
            e.Property(l => l.PostalCode).HasColumnName("postal_code");
            e.Property(l => l.City).HasColumnName("city");
            e.Property(l => l.AccessibilityNote).HasColumnName("accessibility_note");
            e.Property(l => l.Counters).HasColumnName("counters");
            e.Property(l => l.SlotMinutes).HasColumnName("slot_minutes");
            e.Property(l => l.MinimumNoticeMinutes).HasColumnName("minimum_notice_minutes");
            e.Property(l => l.HorizonDays).HasColumnName("horizon_days");
            e.Property(l => l.MaxActiveBookingsPerEmail).HasColumnName("max_active_bookings_per_email");
        });
        modelBuilder.Entity<Service>(e =>
        {
            e.ToTable("appointments_services");
            e.HasKey(s => new { s.TenantId, s.Id });
            e.Property(s => s.TenantId).HasColumnName("tenant_id");
            e.Property(s => s.Id).HasColumnName("id");
            e.Property(s => s.LocationId).HasColumnName("location_id");
            e.Property(s => s.Name).HasColumnName("name");
            e.Property(s => s.Description).HasColumnName("description");
            e.Property(s => s.WhatToBring).HasColumnName("what_to_bring");
            e.Property(s => s.DurationMinutes).HasColumnName("duration_minutes");
            e.Property(s => s.FeeNote).HasColumnName("fee_note");
            e.HasOne<Location>().WithMany().HasForeignKey(s => new { s.TenantId, s.LocationId });
        });
        modelBuilder.Entity<OpeningHours>(e =>
        {
            e.ToTable("appointments_opening_hours");
            e.HasKey(h => new { h.TenantId, h.Id });
            e.Property(h => h.TenantId).HasColumnName("tenant_id");
            e.Property(h => h.Id).HasColumnName("id");
            e.Property(h => h.LocationId).HasColumnName("location_id");
            e.Property(h => h.Weekday).HasColumnName("weekday");
            e.Property(h => h.OpensMinute).HasColumnName("opens_minute");
            e.Property(h => h.ClosesMinute).HasColumnName("closes_minute");
            e.HasOne<Location>().WithMany().HasForeignKey(h => new { h.TenantId, h.LocationId });
        });
        modelBuilder.Entity<ClosedDay>(e =>
        {
            e.ToTable("appointments_closed_days");
            e.HasKey(c => new { c.TenantId, c.LocationId, c.Day });
            e.Property(c => c.TenantId).HasColumnName("tenant_id");
            e.Property(c => c.LocationId).HasColumnName("location_id");
            e.Property(c => c.Day).HasColumnName("day");
            e.Property(c => c.Reason).HasColumnName("reason");
            e.HasOne<Location>().WithMany().HasForeignKey(c => new { c.TenantId, c.LocationId });
        });
        modelBuilder.Entity<SlotCount>(e =>
        {
            e.ToTable("appointments_slot_counts");
            e.HasKey(s => new { s.TenantId, s.LocationId, s.Start });
            e.Property(s => s.TenantId).HasColumnName("tenant_id");
            e.Property(s => s.LocationId).HasColumnName("location_id");
            e.Property(s => s.Start).HasColumnName("start_utc");
            e.Property(s => s.Capacity).HasColumnName("capacity");
            e.Property(s => s.Booked).HasColumnName("booked");
            e.HasOne<Location>().WithMany().HasForeignKey(s => new { s.TenantId, s.LocationId });
        });
        modelBuilder.Entity<Booking>(e =>
        {
            e.ToTable("appointments_bookings");
            e.HasKey(b => new { b.TenantId, b.Id });
            e.Property(b => b.TenantId).HasColumnName("tenant_id");
            e.Property(b => b.Id).HasColumnName("id");
            e.Property(b => b.ServiceId).HasColumnName("service_id");
            e.Property(b => b.LocationId).HasColumnName("location_id");
            e.Property(b => b.Start).HasColumnName("start_utc");
            e.Property(b => b.End).HasColumnName("end_utc");
            e.Property(b => b.Name).HasColumnName("name");
            e.Property(b => b.Email).HasColumnName("email");
            e.Property(b => b.TokenHash).HasColumnName("token_hash");
            e.Property(b => b.CreatedAt).HasColumnName("created_at");
            e.Property(b => b.CancelledAt).HasColumnName("cancelled_at");
            BookingHoldColumns.Map(e);
            e.HasOne<Service>().WithMany().HasForeignKey(b => new { b.TenantId, b.ServiceId });
            e.HasOne<Location>().WithMany().HasForeignKey(b => new { b.TenantId, b.LocationId });
        });
        OnStaffModelCreating(modelBuilder);
        base.OnModelCreating(modelBuilder);
    }
}
