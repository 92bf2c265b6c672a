using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Host.Audit;
using Saas.Host.Tenancy;
using Saas.Host.TownHall;
using Saas.Kernel.Modules;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Support.Towns;

/// <summary>A town's figures for the console: aggregates only, never a row of the town's data.</summary>
internal sealed record TownFigures(
    Guid TenantId,
    long Residents,
    long Staff,
    long ContentItems,
    long StorageBytes,
    DateTime? LastAdminSignIn,
    DateTime? LastActivity,
    IReadOnlyList<TenantUsage> Modules)
{
    public static TownFigures Empty(Guid tenantId) => new(tenantId, 0, 0, 0, 0, null, null, []);
}

/// <summary>
/// The one cross-town read path of the console (docs/adr/0006): it visits the towns one by one,
/// each inside its own context (<see cref="AmbientTenant.Begin"/>) and DI scope, so every query
/// passes the same three walls as a request of that town (query filter, and in PostgreSQL
/// row-level security with <c>app.tenant_id</c> set to that town on connection open). It returns
/// counts and sizes only. The whole list is kept for a minute per node; a run is logged.
/// </summary>
internal sealed class TownFiguresCache(IServiceScopeFactory scopes, TenantRegistry registry, TimeProvider clock, ILogger<TownFiguresCache> logger) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    private const int Parallelism = 4;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    public sealed record Snapshot(DateTimeOffset TakenAt, IReadOnlyDictionary<Guid, TownFigures> Towns, TimeSpan Took);

    /// <summary>Figures of every town, at most a minute old (one refresh at a time; others wait for it).</summary>
    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && clock.GetUtcNow() - fresh.TakenAt < MaxAge)
        {
            return fresh;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } again && clock.GetUtcNow() - again.TakenAt < MaxAge)
            {
                return again;
            }
            var towns = registry.Tenants;
            var watch = Stopwatch.StartNew();
            var figures = new System.Collections.Concurrent.ConcurrentDictionary<Guid, TownFigures>();
            await Parallel.ForEachAsync(towns, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (town, ct) => figures[town.Id] = await ReadAsync(town, ct));
            var snapshot = new Snapshot(clock.GetUtcNow(), figures, watch.Elapsed);
            _snapshot = snapshot;
            logger.LogInformation("Support console: figures of {Towns} towns read in {Milliseconds} ms", towns.Count, (long)watch.Elapsed.TotalMilliseconds);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Drops the cached list, e.g. after a change the console made.</summary>
    public void Invalidate() => _snapshot = null;

    /// <summary>One town's figures, read fresh inside that town's context.</summary>
    public async Task<TownFigures> ReadAsync(TenantSnapshot town, CancellationToken cancellationToken)
    {
        using (AmbientTenant.Begin(town))
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var accounts = await services.GetRequiredService<AccountsDbContext>().Accounts.AsNoTracking()
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Residents = g.LongCount(a => a.Role == Roles.Resident),
                    Staff = g.LongCount(a => a.Role != Roles.Resident),
                    LastAdmin = g.Where(a => a.Role == Roles.TenantAdmin).Max(a => a.LastSignInAt),
                    LastSignIn = g.Max(a => a.LastSignInAt),
                })
                .FirstOrDefaultAsync(cancellationToken);
            var mediaBytes = await services.GetRequiredService<TownHallDbContext>().Media.AsNoTracking()
                .SumAsync(m => (long)m.Content.Length, cancellationToken);
            var lastAudit = await services.GetRequiredService<AuditDbContext>().Entries.AsNoTracking()
                .MaxAsync(e => (DateTime?)e.At, cancellationToken);
            var modules = new List<TenantUsage>();
            foreach (var usage in services.GetServices<ITenantUsage>())
            {
                modules.Add(await usage.MeasureAsync(cancellationToken));
            }
            return new TownFigures(
                town.Id,
                accounts?.Residents ?? 0,
                accounts?.Staff ?? 0,
                modules.Sum(m => m.Items),
                mediaBytes + modules.Sum(m => m.StorageBytes),
                Utc(accounts?.LastAdmin),
                Latest(Utc(lastAudit), Utc(accounts?.LastSignIn)),
                modules);
        }
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
