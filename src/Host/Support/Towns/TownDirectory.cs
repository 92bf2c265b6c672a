using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Support.Towns;

/// <summary>What the console's town list asks for: search, filters, sort order and page.</summary>
internal sealed record TownQuery(string? Search, TenantState? State, string? Feature, TownSort Sort, int Page)
{
    public const int PageSize = 50;
}

internal enum TownSort
{
    Name,
    Created,
    Activity,
    Residents,
}

internal sealed record TownRow(TenantSnapshot Town, DateTime CreatedAt, TownFigures Figures, IReadOnlyList<string> Hosts);

internal sealed record TownPage(IReadOnlyList<TownRow> Rows, int Total, int Page, int Pages, DateTimeOffset FiguresAt);

/// <summary>
/// The town list: registry data (this node's in-memory copy, every state) joined with the cached
/// figures, filtered, sorted and paged in memory. A thousand towns are a few hundred kilobytes.
/// </summary>
internal sealed class TownDirectory(TenantRegistry registry, RegistryStore store, TownFiguresCache figures)
{
    public async Task<TownPage> ListAsync(TownQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await figures.GetAsync(cancellationToken);
        var created = await store.LoadCreatedAsync(cancellationToken);
        var search = query.Search?.Trim();
        var rows = registry.Tenants
            .Select(t => new TownRow(
                t,
                created.GetValueOrDefault(t.Id),
                snapshot.Towns.GetValueOrDefault(t.Id) ?? TownFigures.Empty(t.Id),
                Hosts(t)))
            .Where(r => query.State is null || r.Town.State == query.State)
            .Where(r => string.IsNullOrEmpty(query.Feature) || r.Town.HasFeature(query.Feature))
            .Where(r => string.IsNullOrEmpty(search) || Matches(r, search));
        var sorted = query.Sort switch
        {
            TownSort.Created => rows.OrderByDescending(r => r.CreatedAt),
            TownSort.Activity => rows.OrderByDescending(r => r.Figures.LastActivity ?? DateTime.MinValue),
            TownSort.Residents => rows.OrderByDescending(r => r.Figures.Residents),
            _ => rows.OrderBy(r => r.Town.Name, StringComparer.CurrentCultureIgnoreCase),
        };
        var all = sorted.ThenBy(r => r.Town.Slug, StringComparer.Ordinal).ToList();
        var pages = Math.Max(1, (all.Count + TownQuery.PageSize - 1) / TownQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        return new TownPage(all.Skip((page - 1) * TownQuery.PageSize).Take(TownQuery.PageSize).ToList(), all.Count, page, pages, snapshot.TakenAt);
    }

    private List<string> Hosts(TenantSnapshot town) =>
        (registry.FindEntry(town.Id)?.Domains.Select(d => d.Host) ?? [])
            .Prepend(registry.PlatformSubdomain(town.Slug))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static bool Matches(TownRow row, string search) =>
        row.Town.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || row.Town.FullName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || row.Town.Slug.Contains(search, StringComparison.OrdinalIgnoreCase)
        || row.Hosts.Any(h => h.Contains(search, StringComparison.OrdinalIgnoreCase));
}
