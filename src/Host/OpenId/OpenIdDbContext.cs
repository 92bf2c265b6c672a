using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Host.OpenId;

/// <summary>
/// OpenIddict's applications, authorizations, scopes and tokens, each owned by one town behind the
/// three walls: the query filter and the SaveChanges check of <see cref="TenantDbContext"/>, and RLS
/// on the tables, whose keys, unique indexes and foreign keys all lead with tenant_id.
/// </summary>
/// <remarks>
/// OpenIddict's own model configuration (<c>UseOpenIddict()</c>) is not used: it keys every table
/// by id alone and knows no tenant_id. Here tenant_id leads every key and foreign key, so a grant
/// or token can never point to another town's client; the stores in <see cref="TownStores"/>
/// make OpenIddict's id lookups work with those composite keys.
/// </remarks>
internal sealed class OpenIdDbContext(DbContextOptions<OpenIdDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<TownApplication> Applications => Set<TownApplication>();
    public DbSet<TownAuthorization> Authorizations => Set<TownAuthorization>();
    public DbSet<TownScope> Scopes => Set<TownScope>();
    public DbSet<TownToken> Tokens => Set<TownToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TownApplication>(e =>
        {
            e.ToTable("core_openid_applications");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.HasIndex(a => new { a.TenantId, a.ClientId }).IsUnique();
            e.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
            e.HasMany(a => a.Authorizations).WithOne(a => a.Application!)
                .HasForeignKey(nameof(ITenantOwned.TenantId), "ApplicationId").OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Tokens).WithOne(t => t.Application!)
                .HasForeignKey(nameof(ITenantOwned.TenantId), "ApplicationId").OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TownAuthorization>(e =>
        {
            e.ToTable("core_openid_authorizations");
            e.HasKey(a => new { a.TenantId, a.Id });
            e.HasIndex(nameof(ITenantOwned.TenantId), nameof(TownAuthorization.Subject));
            e.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
            e.HasMany(a => a.Tokens).WithOne(t => t.Authorization!)
                .HasForeignKey(nameof(ITenantOwned.TenantId), "AuthorizationId").OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TownScope>(e =>
        {
            e.ToTable("core_openid_scopes");
            e.HasKey(s => new { s.TenantId, s.Id });
            e.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
            e.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        });
        modelBuilder.Entity<TownToken>(e =>
        {
            e.ToTable("core_openid_tokens");
            e.HasKey(t => new { t.TenantId, t.Id });
            e.HasIndex(t => new { t.TenantId, t.ReferenceId }).IsUnique();
            e.HasIndex(nameof(ITenantOwned.TenantId), nameof(TownToken.Subject));
            e.Property(t => t.ConcurrencyToken).IsConcurrencyToken();
        });
        SnakeCaseColumns(modelBuilder.Entity<TownApplication>());
        SnakeCaseColumns(modelBuilder.Entity<TownAuthorization>());
        SnakeCaseColumns(modelBuilder.Entity<TownScope>());
        SnakeCaseColumns(modelBuilder.Entity<TownToken>());
        base.OnModelCreating(modelBuilder);
    }

    private static void SnakeCaseColumns<T>(EntityTypeBuilder<T> entity) where T : class
    {
        foreach (var property in entity.Metadata.GetProperties())
        {
            property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                result.Append('_');
            }
            result.Append(char.ToLowerInvariant(name[i]));
        }
        return result.ToString();
    }
}
