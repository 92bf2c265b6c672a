namespace Saas.Kernel.Modules;

/// <summary>
/// What a module holds for one town, for the vendor's support console (content items and stored
/// bytes). Called inside the town's context, so the module's tenant-filtered data is all it sees;
/// it returns counts only, never content. Registered as a scoped service by the module.
/// </summary>
public interface ITenantUsage
{
    Task<TenantUsage> MeasureAsync(CancellationToken cancellationToken);
}

/// <summary>One module's share: a text key naming its items (e.g. "news articles"), their number, and the bytes its files take.</summary>
public sealed record TenantUsage(string LabelKey, long Items, long StorageBytes);
