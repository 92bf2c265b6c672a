using Microsoft.EntityFrameworkCore;

namespace Saas.Host.Signup;

/// <summary>
/// Signups waiting for their confirmation, on the control plane: they belong to no town yet, so
/// this is no TenantDbContext. Only the signup code in this folder uses it.
/// </summary>
internal sealed class SignupDbContext(DbContextOptions<SignupDbContext> options) : DbContext(options)
{
    public DbSet<SignupRow> Signups => Set<SignupRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SignupRow>(e =>
        {
            e.ToTable("platform_signups");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasColumnName("id");
            e.Property(s => s.Slug).HasColumnName("slug");
            e.Property(s => s.Municipality).HasColumnName("municipality");
            e.Property(s => s.Kind).HasColumnName("kind");
            e.Property(s => s.Ags).HasColumnName("ags");
            e.Property(s => s.FederalState).HasColumnName("federal_state");
            e.Property(s => s.AdminName).HasColumnName("admin_name");
            e.Property(s => s.AdminEmail).HasColumnName("admin_email");
            e.Property(s => s.PasswordHash).HasColumnName("password_hash");
            e.Property(s => s.Features).HasColumnName("features");
            e.Property(s => s.Theme).HasColumnName("theme");
            e.Property(s => s.Culture).HasColumnName("culture");
            e.Property(s => s.TokenHash).HasColumnName("token_hash");
            e.Property(s => s.CreatedAt).HasColumnName("created_at");
            e.Property(s => s.ExpiresAt).HasColumnName("expires_at");
            e.Property(s => s.ConfirmedAt).HasColumnName("confirmed_at");
            e.Property(s => s.ProvisionedAt).HasColumnName("provisioned_at");
            e.Property(s => s.LeaseUntil).HasColumnName("lease_until");
            e.Property(s => s.Failure).HasColumnName("failure");
        });
    }
}

/// <summary>A municipality's signup; its id becomes the town's id.</summary>
internal sealed class SignupRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Municipality { get; set; }
    public required string Kind { get; set; }
    public string? Ags { get; set; }
    public required string FederalState { get; set; }
    public required string AdminName { get; set; }
    public required string AdminEmail { get; set; }

    /// <summary>ASP.NET Identity's hash of the password chosen at signup; the admin account gets it as is.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>The chosen feature keys, comma-separated.</summary>
    public required string Features { get; set; }
    public required string Theme { get; set; }
    public required string Culture { get; set; }

    /// <summary>SHA-256 of the mailed confirmation token; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? ProvisionedAt { get; set; }

    /// <summary>Until when one worker provisions the town; a crashed worker's lease runs out and the next visit resumes.</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>Why provisioning stopped (e.g. the address was taken in the meantime); null while all is well.</summary>
    public string? Failure { get; set; }

    public IReadOnlyList<string> FeatureKeys => Features.Length == 0 ? [] : Features.Split(',');
}
