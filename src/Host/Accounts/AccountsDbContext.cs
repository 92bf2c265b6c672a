using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts;

/// <summary>Town accounts (residents and staff). Tenant-owned: the same e-mail in two towns is two rows.</summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("core_accounts");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.Property(a => a.TenantId).HasColumnName("tenant_id");
            e.Property(a => a.Phone).HasColumnName("phone");
            UserAccountMapping.Map(e);
        });
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The vendor's support accounts: control plane, not owned by any town.</summary>
internal sealed class PlatformStaffDbContext(DbContextOptions<PlatformStaffDbContext> options) : DbContext(options)
{
    public DbSet<PlatformStaff> Staff => Set<PlatformStaff>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PlatformStaff>(e =>
        {
            e.ToTable("platform_staff");
            e.HasKey(a => a.Id);
            UserAccountMapping.Map(e);
        });
    }
}

internal static class UserAccountMapping
{
    public static void Map<T>(EntityTypeBuilder<T> e) where T : UserAccount
    {
        e.Property(a => a.Id).HasColumnName("id");
        e.Property(a => a.Email).HasColumnName("email");
        e.Property(a => a.NormalizedEmail).HasColumnName("normalized_email");
        e.Property(a => a.EmailConfirmed).HasColumnName("email_confirmed");
        e.Property(a => a.DisplayName).HasColumnName("display_name");
        e.Property(a => a.PasswordHash).HasColumnName("password_hash");
        e.Property(a => a.SecurityStamp).HasColumnName("security_stamp").IsConcurrencyToken();
        e.Property(a => a.Role).HasColumnName("role");
        e.Property(a => a.TwoFactorEnabled).HasColumnName("two_factor_enabled");
        e.Property(a => a.AuthenticatorKey).HasColumnName("authenticator_key");
        e.Property(a => a.LastTotpStep).HasColumnName("last_totp_step");
        e.Property(a => a.RecoveryCodes).HasColumnName("recovery_codes");
        e.Property(a => a.AccessFailedCount).HasColumnName("access_failed_count");
        e.Property(a => a.LockoutEnd).HasColumnName("lockout_end");
        e.Property(a => a.PreferredCulture).HasColumnName("preferred_culture");
        e.Property(a => a.CreatedAt).HasColumnName("created_at");
        e.Property(a => a.LastSignInAt).HasColumnName("last_sign_in_at");
        e.Property(a => a.DisabledAt).HasColumnName("disabled_at");
        e.Ignore(a => a.IsDisabled);
    }
}
