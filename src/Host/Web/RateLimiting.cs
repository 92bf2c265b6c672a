using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Saas.Host.Tenancy;

namespace Saas.Host.Web;

/// <summary>
/// One budget per client per town: a busy town cannot exhaust another's, and one client cannot
/// exhaust a town. Rejections answer 429 with Retry-After (problem details on the API).
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddTownRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PlatformOptions>>((options, platform) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The partition key is a value (town id, client address) and the factory is made once:
            // nothing is formatted, resolved or allocated per request to find the budget. Guid.Empty
            // stands for the platform site. This is GetFixedWindowLimiter without its per-call
            // closure: the partitioned limiter's timer replenishes the windows, as it does for that helper.
            var budget = new FixedWindowRateLimiterOptions
            {
                PermitLimit = platform.Value.RequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = false,
            };
            Func<PartitionKey, RateLimiter> newBudget = _ => new FixedWindowRateLimiter(budget);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, PartitionKey>(context =>
            {
                if (TenantResolutionMiddleware.IsHostIndependent(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter(PartitionKey.Probes);
                }
                var site = context.Features.Get<SiteFeature>()?.Tenant?.Id ?? Guid.Empty;
                return RateLimitPartition.Get(new PartitionKey(site, context.Connection.RemoteIpAddress), newBudget);
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: 429, title: "Too Many Requests", detail: $"Retry after {seconds} seconds.").ExecuteAsync(http);
                    return;
                }
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync($"Zu viele Anfragen. Bitte versuchen Sie es in {seconds} Sekunden erneut.\nToo many requests. Please retry in {seconds} seconds.", cancellationToken);
            };
        });
        return services;
    }

    /// <summary>One budget: a site (town id, or <see cref="Guid.Empty"/> for the platform) and a client address (null when unknown).</summary>
    internal readonly record struct PartitionKey(Guid Site, System.Net.IPAddress? Client)
    {
        /// <summary>The unlimited partition of health probes and the TLS ask endpoint.</summary>
        public static readonly PartitionKey Probes = new(Guid.AllBitsSet, null);
    }
}
