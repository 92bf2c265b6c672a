using Hangfire;
using Hangfire.Storage;

namespace Saas.Host.Support.Diagnostics;

/// <summary>A background job of a town as the console lists it.</summary>
internal sealed record RecentJob(string Id, string State, string Name, DateTime? At, string? Reason);

/// <summary>
/// The town's recent background jobs from Hangfire's monitoring API: jobs whose arguments carry the
/// town's id (every per-town job does, see TenantJobRunner). Looks at the newest
/// <see cref="Window"/> jobs of each state, so on a busy platform older jobs of a quiet town drop out.
/// </summary>
internal sealed class RecentJobs(JobStorage storage)
{
    public const int Window = 200;

    public IReadOnlyList<RecentJob> For(Guid tenantId, int count)
    {
        var monitor = storage.GetMonitoringApi();
        var jobs = new List<RecentJob>();
        jobs.AddRange(monitor.FailedJobs(0, Window).Where(j => Carries(j.Value.Job, tenantId))
            .Select(j => new RecentJob(j.Key, "failed", Name(j.Value.Job), j.Value.FailedAt, j.Value.ExceptionMessage)));
        jobs.AddRange(monitor.SucceededJobs(0, Window).Where(j => Carries(j.Value.Job, tenantId))
            .Select(j => new RecentJob(j.Key, "succeeded", Name(j.Value.Job), j.Value.SucceededAt, null)));
        jobs.AddRange(monitor.ProcessingJobs(0, Window).Where(j => Carries(j.Value.Job, tenantId))
            .Select(j => new RecentJob(j.Key, "processing", Name(j.Value.Job), j.Value.StartedAt, null)));
        jobs.AddRange(monitor.ScheduledJobs(0, Window).Where(j => Carries(j.Value.Job, tenantId))
            .Select(j => new RecentJob(j.Key, "scheduled", Name(j.Value.Job), j.Value.EnqueueAt, null)));
        foreach (var queue in monitor.Queues())
        {
            jobs.AddRange(monitor.EnqueuedJobs(queue.Name, 0, Window).Where(j => Carries(j.Value.Job, tenantId))
                .Select(j => new RecentJob(j.Key, "enqueued", Name(j.Value.Job), j.Value.EnqueuedAt, null)));
        }
        return jobs.OrderByDescending(j => j.At ?? DateTime.MinValue).Take(count).ToList();
    }

    private static bool Carries(Hangfire.Common.Job? job, Guid tenantId) =>
        job?.Args?.Any(a => a is Guid id ? id == tenantId : a is string s && Guid.TryParse(s, out var parsed) && parsed == tenantId) == true;

    private static string Name(Hangfire.Common.Job? job) =>
        job is null ? "?" : $"{job.Type.Name}.{job.Method.Name}";
}
