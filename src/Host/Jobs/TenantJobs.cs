using Hangfire;
using Saas.Host.Tenancy;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Jobs;

/// <summary>
/// One recurring Hangfire job per module job fans out into one job per active town that has the
/// feature. Each per-town job carries the town's id and restores the tenant context itself, so
/// job code sees exactly one town, as a request would.
/// </summary>
internal sealed class TenantJobDispatcher(TenantRegistry registry, IEnumerable<IModule> modules, IBackgroundJobClient jobs)
{
    public Task DispatchAsync(string jobId)
    {
        var (module, _) = Find(modules, jobId);
        foreach (var tenant in registry.Tenants.Where(t => t.State == TenantState.Active && t.HasFeature(module.FeatureKey)))
        {
            jobs.Enqueue<TenantJobRunner>(runner => runner.RunAsync(tenant.Id, jobId, CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    internal static (IModule Module, RecurringTenantJob Job) Find(IEnumerable<IModule> modules, string jobId) =>
        modules.SelectMany(m => m.Jobs.Select(j => (m, j))).Single(p => p.j.Id == jobId);
}

internal sealed class TenantJobRunner(TenantRegistry registry, IEnumerable<IModule> modules, IServiceScopeFactory scopes, ILogger<TenantJobRunner> logger)
{
    public async Task RunAsync(Guid tenantId, string jobId, CancellationToken cancellationToken)
    {
        var tenant = registry.Find(tenantId);
        var (module, job) = TenantJobDispatcher.Find(modules, jobId);
        if (tenant is not { State: TenantState.Active } || !tenant.HasFeature(module.FeatureKey))
        {
            logger.LogInformation("Skipped job {Job} for tenant {TenantId}: not active or feature off", jobId, tenantId);
            return;
        }
        using (AmbientTenant.Begin(tenant))
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id, ["Tenant"] = tenant.Slug }))
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = (ITenantJob)scope.ServiceProvider.GetRequiredService(job.Handler);
            await handler.RunAsync(cancellationToken);
        }
    }
}

internal static class TenantJobRegistration
{
    /// <summary>Registers each module job as a recurring dispatcher run.</summary>
    public static void ScheduleModuleJobs(this IRecurringJobManager recurring, IEnumerable<IModule> modules)
    {
        foreach (var job in modules.SelectMany(m => m.Jobs))
        {
            recurring.AddOrUpdate<TenantJobDispatcher>(job.Id, d => d.DispatchAsync(job.Id), job.Cron);
        }
    }
}
