using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.Jobs.Data;

/// <summary>The job offers' own tables (<c>jobs_*</c>); no joins into other modules.</summary>
internal sealed class JobsDbContext(DbContextOptions<JobsDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<JobPosting> Postings => Set<JobPosting>();
    public DbSet<JobApplication> Applications => Set<JobApplication>();
    public DbSet<JobAttachment> Attachments => Set<JobAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JobPosting>(e =>
        {
            e.ToTable("jobs_postings");
            e.HasKey(p => new { p.TenantId, p.Id });
            e.Property(p => p.TenantId).HasColumnName("tenant_id");
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.Slug).HasColumnName("slug");
            e.Property(p => p.Title).HasColumnName("title");
            e.Property(p => p.Department).HasColumnName("department");
            e.Property(p => p.Description).HasColumnName("description");
            e.Property(p => p.EmploymentType).HasColumnName("employment_type");
            e.Property(p => p.Hours).HasColumnName("hours");
            e.Property(p => p.PayGroup).HasColumnName("pay_group");
            e.Property(p => p.StartDate).HasColumnName("start_date");
            e.Property(p => p.Location).HasColumnName("location");
            e.Property(p => p.Contact).HasColumnName("contact");
            e.Property(p => p.Deadline).HasColumnName("deadline");
            e.Property(p => p.ClosesAt).HasColumnName("closes_at");
            e.Property(p => p.PublishAt).HasColumnName("publish_at");
            e.Property(p => p.UnpublishAt).HasColumnName("unpublish_at");
            e.Property(p => p.ApplyUrl).HasColumnName("apply_url");
            e.Property(p => p.CreatedAt).HasColumnName("created_at");
            e.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<JobApplication>(e =>
        {
            e.ToTable("jobs_applications");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.Property(a => a.TenantId).HasColumnName("tenant_id");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.PostingId).HasColumnName("posting_id");
            e.Property(a => a.Name).HasColumnName("name");
            e.Property(a => a.Email).HasColumnName("email");
            e.Property(a => a.Phone).HasColumnName("phone");
            e.Property(a => a.CoverLetter).HasColumnName("cover_letter");
            e.Property(a => a.Status).HasColumnName("status");
            e.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
            e.Property(a => a.AnsweredAt).HasColumnName("answered_at");
            e.HasOne<JobPosting>().WithMany().HasForeignKey(a => new { a.TenantId, a.PostingId });
        });
        modelBuilder.Entity<JobAttachment>(e =>
        {
            e.ToTable("jobs_attachments");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.Property(a => a.TenantId).HasColumnName("tenant_id");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.ApplicationId).HasColumnName("application_id");
            e.Property(a => a.FileName).HasColumnName("file_name");
            e.Property(a => a.Size).HasColumnName("size");
            e.HasOne<JobApplication>().WithMany().HasForeignKey(a => new { a.TenantId, a.ApplicationId }).OnDelete(DeleteBehavior.Cascade);
        });
        base.OnModelCreating(modelBuilder);
    }
}
