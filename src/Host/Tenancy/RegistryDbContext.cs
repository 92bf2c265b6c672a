using Microsoft.EntityFrameworkCore;

namespace Saas.Host.Tenancy;

/// <summary>
/// The control plane: towns, their domains and features. Deliberately not a TenantDbContext:
/// host resolution must see every town. Only the registry code in this folder uses it.
/// </summary>
internal sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<TenantRow> Tenants => Set<TenantRow>();
    public DbSet<TenantDomainRow> Domains => Set<TenantDomainRow>();
    public DbSet<TenantFeatureRow> Features => Set<TenantFeatureRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRow>(e =>
        {
            e.ToTable("platform_tenants");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasColumnName("id");
            e.Property(t => t.Slug).HasColumnName("slug");
            e.Property(t => t.Name).HasColumnName("name");
            e.Property(t => t.Kind).HasColumnName("kind");
            e.Property(t => t.State).HasColumnName("state");
            e.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(t => t.IsDemo).HasColumnName("is_demo");
            e.Property(t => t.Theme).HasColumnName("theme");
            e.Property(t => t.PrimaryColor).HasColumnName("primary_color");
            e.Property(t => t.SecondaryColor).HasColumnName("secondary_color");
            e.Property(t => t.HasCoatOfArms).HasColumnName("has_coat_of_arms");
            e.Property(t => t.HasLogo).HasColumnName("has_logo");
            e.Property(t => t.SettingsJson).HasColumnName("settings_json");
            e.Property(t => t.ContactJson).HasColumnName("contact_json");
            e.Property(t => t.CreatedAt).HasColumnName("created_at");
            e.Property(t => t.UpdatedAt).HasColumnName("updated_at");
            e.HasMany(t => t.Domains).WithOne().HasForeignKey(d => d.TenantId);
            e.HasMany(t => t.Features).WithOne().HasForeignKey(f => f.TenantId);
        });
        modelBuilder.Entity<TenantDomainRow>(e =>
        {
            e.ToTable("platform_tenant_domains");
            e.HasKey(d => d.Host);
            e.Property(d => d.Host).HasColumnName("host");
            e.Property(d => d.TenantId).HasColumnName("tenant_id");
            e.Property(d => d.Kind).HasColumnName("kind");
            e.Property(d => d.Verified).HasColumnName("verified");
            e.Property(d => d.CreatedAt).HasColumnName("created_at");
            e.Property(d => d.VerificationToken).HasColumnName("verification_token");
            e.Property(d => d.LastCheckedAt).HasColumnName("last_checked_at");
            e.Property(d => d.CheckResult).HasColumnName("check_result");
        });
        modelBuilder.Entity<TenantFeatureRow>(e =>
        {
            e.ToTable("platform_tenant_features");
            e.HasKey(f => new { f.TenantId, f.FeatureKey });
            e.Property(f => f.TenantId).HasColumnName("tenant_id");
            e.Property(f => f.FeatureKey).HasColumnName("feature_key");
            e.Property(f => f.EnabledAt).HasColumnName("enabled_at");
        });
    }
}

internal sealed class TenantRow
{
    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string State { get; set; }
    public long Version { get; set; }
    public bool IsDemo { get; set; }
    public required string Theme { get; set; }
    public required string PrimaryColor { get; set; }
    public required string SecondaryColor { get; set; }
    public bool HasCoatOfArms { get; set; }
    public bool HasLogo { get; set; }
    public required string SettingsJson { get; set; }
    public required string ContactJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<TenantDomainRow> Domains { get; set; } = [];
    public List<TenantFeatureRow> Features { get; set; } = [];
}

internal sealed class TenantDomainRow
{
    public required string Host { get; set; }
    public Guid TenantId { get; set; }
    public required string Kind { get; set; }
    public bool Verified { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The token the town publishes as a DNS TXT record to prove it controls the name (null: added by support).</summary>
    public string? VerificationToken { get; set; }

    public DateTime? LastCheckedAt { get; set; }

    /// <summary>What the last DNS check found (<see cref="Domains.DomainCheckResult"/>, as text).</summary>
    public string? CheckResult { get; set; }
}

internal sealed class TenantFeatureRow
{
    public Guid TenantId { get; set; }
    public required string FeatureKey { get; set; }
    public DateTime EnabledAt { get; set; }
}

/// <summary>Domain kinds as stored.</summary>
internal static class DomainKind
{
    public const string Custom = "custom";
    public const string Secondary = "secondary";
}
