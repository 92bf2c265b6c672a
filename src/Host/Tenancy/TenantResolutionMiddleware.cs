using System.Diagnostics;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Tenancy;

/// <summary>
/// Runs before routing and authentication: decides from the Host header which town (or the
/// platform site) a request is for, sets the ambient tenant, and answers the cases that must
/// never reach a town's code: unknown or switched-off hosts (one neutral page), secondary
/// domains (301 to the primary) and suspended towns (a notice).
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry, NeutralPages pages, ILogger<TenantResolutionMiddleware> logger)
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
        // Every log line and trace of this request carries the town.
        Activity.Current?.SetTag("tenant.id", tenant.Id).SetTag("tenant.slug", tenant.Slug);
        using (AmbientTenant.Begin(tenant))
        using (logger.BeginScope(new TenantLogScope(tenant.Id, tenant.Slug)))
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

/// <summary>Log scope with the town; structured loggers (JSON console, OTLP) emit both fields.</summary>
internal sealed record TenantLogScope(Guid TenantId, string Tenant) : IReadOnlyList<KeyValuePair<string, object>>
{
    public int Count => 2;

    public KeyValuePair<string, object> this[int index] => index == 0
        ? new("TenantId", TenantId)
        : new("Tenant", Tenant);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Tenant:{Tenant}";
}
