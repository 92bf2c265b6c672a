using Saas.Kernel.Tenancy;

namespace Saas.Host.Tenancy;

/// <summary>
/// Runs before routing and authentication: decides from the Host header which town (or the
/// platform site) a request is for, sets the ambient tenant, and answers the cases that must
/// never reach a town's code: unknown or switched-off hosts (one neutral page), secondary
/// domains (301 to the primary) and suspended towns (a notice).
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry, NeutralPages pages)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsHostIndependent(context.Request.Path))
        {
            context.Features.Set(new SiteFeature(HostMatchKind.NotFound, null));
            await next(context);
            return;
        }
        var match = registry.Resolve(context.Request.Host.Value);
        switch (match.Kind)
        {
            case HostMatchKind.NotFound:
                await pages.WriteNotFoundAsync(context);
                return;
            case HostMatchKind.Redirect:
                var target = $"{context.Request.Scheme}://{match.RedirectHost}{PortSuffix(context)}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
                context.Response.Redirect(target, permanent: true);
                return;
            case HostMatchKind.Platform:
                context.Features.Set(new SiteFeature(HostMatchKind.Platform, null));
                await next(context);
                return;
        }
        var tenant = match.Tenant!;
        if (tenant.State == TenantState.Suspended)
        {
            await pages.WriteSuspendedAsync(context, tenant);
            return;
        }
        context.Features.Set(new SiteFeature(HostMatchKind.Tenant, tenant));
        using (AmbientTenant.Begin(tenant))
        {
            await next(context);
        }
    }

    /// <summary>Health probes and the TLS ask endpoint answer on any host (load balancers call them by IP).</summary>
    internal static bool IsHostIndependent(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/internal/tls");

    private static string PortSuffix(HttpContext context) =>
        context.Request.Host.Port is { } port && port is not (80 or 443) ? $":{port}" : string.Empty;
}

/// <summary>What the resolution middleware decided for this request.</summary>
internal sealed record SiteFeature(HostMatchKind Kind, TenantSnapshot? Tenant);
