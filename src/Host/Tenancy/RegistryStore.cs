using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Tenancy;

/// <summary>Reads towns from the registry tables into snapshots.</summary>
internal sealed class RegistryStore(IDbContextFactory<RegistryDbContext> contexts, IOptions<PlatformOptions> options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<TenantEntry>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tenants.AsNoTracking().AsSplitQuery()
            .Include(t => t.Domains).Include(t => t.Features)
            .ToListAsync(cancellationToken);
        return rows.Select(ToEntry).ToList();
    }

    public async Task<TenantEntry?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Tenants.AsNoTracking().AsSplitQuery()
            .Include(t => t.Domains).Include(t => t.Features)
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return row is null ? null : ToEntry(row);
    }

    /// <summary>Id and version of every town: the cheap query of the periodic version sweep.</summary>
    public async Task<Dictionary<Guid, long>> LoadVersionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Version, cancellationToken);
    }

    /// <summary>When each town was created (for the support console's sorting; snapshots do not carry it).</summary>
    public async Task<Dictionary<Guid, DateTime>> LoadCreatedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, t => DateTime.SpecifyKind(t.CreatedAt, DateTimeKind.Utc), cancellationToken);
    }

    /// <summary>Where a town lives: its oldest verified custom domain, else its platform subdomain.</summary>
    internal static string PrimaryHost(IEnumerable<DomainEntry> domainsOldestFirst, string slug, string platformDomain) =>
        domainsOldestFirst.FirstOrDefault(d => d.Verified && d.Kind == DomainKind.Custom)?.Host
            ?? $"{slug}.{platformDomain.ToLowerInvariant()}";

    private TenantEntry ToEntry(TenantRow row)
    {
        var domains = row.Domains
            .OrderBy(d => d.CreatedAt)
            .Select(d => new DomainEntry(d.Host, d.Kind, d.Verified))
            .ToList();
        var primary = PrimaryHost(domains, row.Slug, options.Value.Domain);
        var snapshot = new TenantSnapshot(
            row.Id,
            row.Slug,
            row.Name,
            row.Kind,
            Enum.Parse<TenantState>(row.State, ignoreCase: true),
            row.Version,
            row.IsDemo,
            row.Theme,
            new BrandTokens(row.PrimaryColor, row.SecondaryColor, row.HasCoatOfArms, row.HasLogo),
            JsonSerializer.Deserialize<TenantSettings>(row.SettingsJson, Json)!,
            JsonSerializer.Deserialize<TenantContact>(row.ContactJson, Json)!,
            row.Features.Select(f => f.FeatureKey).ToFrozenSet(StringComparer.Ordinal),
            primary);
        return new TenantEntry(snapshot, domains);
    }
}
