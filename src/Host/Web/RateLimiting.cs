using System.Globalization;
using System.Threading.RateLimiting;
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
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (TenantResolutionMiddleware.IsHostIndependent(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter("probes");
                }
                var permits = context.RequestServices.GetRequiredService<IOptions<PlatformOptions>>().Value.RequestsPerMinute;
                var site = context.Features.Get<SiteFeature>()?.Tenant?.Slug ?? "platform";
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{site}|{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
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
}
