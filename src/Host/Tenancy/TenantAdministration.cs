using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Branding;
using Saas.Host.Web;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Tenancy;

/// <summary>
/// The one way to change a town in the registry. Every change bumps the town's version, is
/// applied to this node at once and announced to the others.
/// </summary>
internal sealed class TenantAdministration(
    IDbContextFactory<RegistryDbContext> contexts,
    RegistryRefresher refresher,
    ITenantChangeBus bus,
    ThemeCatalog themes,
    TenantRegistry registry,
    TimeProvider clock)
{
    public Task SetStateAsync(Guid tenantId, TenantState state, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (_, row) => row.State = state.ToString().ToLowerInvariant(), cancellationToken);

    public Task SetFeaturesAsync(Guid tenantId, IReadOnlyCollection<string> features, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (db, row) =>
        {
            db.Features.RemoveRange(row.Features.Where(f => !features.Contains(f.FeatureKey)));
            foreach (var key in features.Where(k => row.Features.All(f => f.FeatureKey != k)))
            {
                db.Features.Add(new TenantFeatureRow { TenantId = tenantId, FeatureKey = key, EnabledAt = clock.GetUtcNow().UtcDateTime });
            }
        }, cancellationToken);

    public Task SetThemeAsync(Guid tenantId, string theme, CancellationToken cancellationToken)
    {
        if (!themes.Exists(theme))
        {
            throw new ArgumentException($"Unknown theme '{theme}'.", nameof(theme));
        }
        return ChangeAsync(tenantId, (_, row) => row.Theme = theme, cancellationToken);
    }

    /// <summary>Stores brand colours, or returns why they were refused (and stores nothing).</summary>
    public async Task<IReadOnlyList<BrandProblem>> SetBrandColorsAsync(Guid tenantId, string primary, string secondary, CancellationToken cancellationToken)
    {
        var problems = BrandValidator.Check(primary, secondary);
        if (problems.Count == 0)
        {
            await ChangeAsync(tenantId, (_, row) =>
            {
                row.PrimaryColor = primary.ToLowerInvariant();
                row.SecondaryColor = secondary.ToLowerInvariant();
            }, cancellationToken);
        }
        return problems;
    }

    /// <summary>Records whether the town has a coat of arms or a logo now, so its pages link to it or not.</summary>
    public Task SetBrandImageAsync(Guid tenantId, string key, bool present, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (_, row) =>
        {
            if (key == TownHall.MediaFile.Logo)
            {
                row.HasLogo = present;
            }
            else
            {
                row.HasCoatOfArms = present;
            }
        }, cancellationToken);

    /// <summary>The town hall's public contact details (footer, contact page, API).</summary>
    public Task SetContactAsync(Guid tenantId, TenantContact contact, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (_, row) => row.ContactJson = System.Text.Json.JsonSerializer.Serialize(contact, RegistryStore.Json), cancellationToken);

    /// <summary>
    /// A version bump without a registry change: the town's content elsewhere (pages, opening hours,
    /// media) changed, so every node drops its cached pages and versioned links (coat of arms) change.
    /// </summary>
    public Task TouchAsync(Guid tenantId, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (_, _) => { }, cancellationToken);

    public Task SetNameAsync(Guid tenantId, string name, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (_, row) => row.Name = name, cancellationToken);

    public Task AddDomainAsync(Guid tenantId, string host, string kind, bool verified, CancellationToken cancellationToken)
    {
        var normalized = HostNormalizer.Normalize(host) ?? throw new ArgumentException($"'{host}' is not a host name.", nameof(host));
        if (registry.IsPlatformHost(normalized))
        {
            // The registry would ignore it anyway; say so instead of storing a domain that never answers.
            throw new ArgumentException($"'{host}' lies under the platform domain; a town's own domain must be outside it.", nameof(host));
        }
        return ChangeAsync(tenantId, (db, _) => db.Domains.Add(new TenantDomainRow
        {
            Host = normalized,
            TenantId = tenantId,
            Kind = kind,
            Verified = verified,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }), cancellationToken);
    }

    /// <summary>A domain the town claims itself: it answers nothing until DNS shows the token (see Domains.DomainClaims).</summary>
    public Task ClaimDomainAsync(Guid tenantId, string host, string token, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (db, _) => db.Domains.Add(new TenantDomainRow
        {
            Host = host,
            TenantId = tenantId,
            Kind = DomainKind.Secondary,
            Verified = false,
            VerificationToken = token,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }), cancellationToken);

    /// <summary>
    /// Makes <paramref name="host"/> (a verified domain of the town) its one primary domain, or with null the
    /// platform subdomain again: the primary is the town's verified custom domain, every other domain redirects.
    /// </summary>
    public Task SetPrimaryDomainAsync(Guid tenantId, string? host, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, (db, _) =>
        {
            foreach (var row in db.Domains.Where(d => d.TenantId == tenantId).ToList())
            {
                row.Kind = row.Host == host && row.Verified ? DomainKind.Custom : DomainKind.Secondary;
            }
        }, cancellationToken);

    /// <summary>Removes one of the town's own domains; false when the town has no such domain.</summary>
    public async Task<bool> RemoveDomainAsync(Guid tenantId, string host, CancellationToken cancellationToken)
    {
        var removed = false;
        await ChangeAsync(tenantId, (db, _) =>
        {
            var row = db.Domains.FirstOrDefault(d => d.Host == host && d.TenantId == tenantId);
            if (row is not null)
            {
                db.Domains.Remove(row);
                removed = true;
            }
        }, cancellationToken);
        return removed;
    }

    /// <summary>Marks a domain of the town as verified (its DNS was checked): from now on it answers for the town.</summary>
    public async Task<bool> VerifyDomainAsync(Guid tenantId, string host, CancellationToken cancellationToken)
    {
        var found = false;
        await ChangeAsync(tenantId, (db, _) =>
        {
            var row = db.Domains.FirstOrDefault(d => d.Host == host && d.TenantId == tenantId);
            if (row is not null)
            {
                row.Verified = true;
                found = true;
            }
        }, cancellationToken);
        return found;
    }

    private async Task ChangeAsync(Guid tenantId, Action<RegistryDbContext, TenantRow> change, CancellationToken cancellationToken)
    {
        long version;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Tenants.Include(t => t.Features).SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
                ?? throw new KeyNotFoundException($"No tenant {tenantId}.");
            change(db, row);
            row.Version++; // also the concurrency token: two racing changes cannot both win
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            version = row.Version;
        }
        await refresher.RefreshAsync(tenantId, cancellationToken);
        await bus.PublishAsync(tenantId, version);
    }
}
