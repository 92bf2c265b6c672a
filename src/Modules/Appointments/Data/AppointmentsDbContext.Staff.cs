using Microsoft.EntityFrameworkCore;

namespace Saas.Modules.Appointments.Data;

/// <summary>The staff side's tables and columns (migration 0002).</summary>
internal sealed partial class AppointmentsDbContext
{
    public DbSet<SpecialDay> SpecialDays => Set<SpecialDay>();
    public DbSet<ServiceLocation> ServiceLocations => Set<ServiceLocation>();

    private static void OnStaffModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Service>().Property(s => s.BufferMinutes).HasColumnName("buffer_minutes");
        modelBuilder.Entity<Service>().Property(s => s.RetiredAt).HasColumnName("retired_at");
        modelBuilder.Entity<Booking>(e =>
        {
            e.Property(b => b.Attendance).HasColumnName("attendance");
            e.Property(b => b.CancelMessage).HasColumnName("cancel_message");
        });
        modelBuilder.Entity<SpecialDay>(e =>
        {
            e.ToTable("appointments_special_days");
            e.HasKey(d => new { d.TenantId, d.Id });
            e.Property(d => d.TenantId).HasColumnName("tenant_id");
            e.Property(d => d.Id).HasColumnName("id");
            e.Property(d => d.LocationId).HasColumnName("location_id");
            e.Property(d => d.Day).HasColumnName("day");
            e.Property(d => d.OpensMinute).HasColumnName("opens_minute");
            e.Property(d => d.ClosesMinute).HasColumnName("closes_minute");
            e.Property(d => d.Note).HasColumnName("note");
            e.HasOne<Location>().WithMany().HasForeignKey(d => new { d.TenantId, d.LocationId });
        });
        modelBuilder.Entity<ServiceLocation>(e =>
        {
            e.ToTable("appointments_service_locations");
            e.HasKey(s => new { s.TenantId, s.ServiceId, s.LocationId });
            e.Property(s => s.TenantId).HasColumnName("tenant_id");
            e.Property(s => s.ServiceId).HasColumnName("service_id");
            e.Property(s => s.LocationId).HasColumnName("location_id");
            e.HasOne<Service>().WithMany().HasForeignKey(s => new { s.TenantId, s.ServiceId });
            e.HasOne<Location>().WithMany().HasForeignKey(s => new { s.TenantId, s.LocationId });
        });
    }
}
