using Microsoft.AspNetCore.Http.HttpResults;
using Saas.Host.Tenancy;
using Saas.Kernel.Modules;

namespace Saas.Host.Platform;

/// <summary>Endpoints that answer on every host: health probes and Caddy's on-demand TLS question.</summary>
internal static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).WithMetadata(new SiteAttribute(Site.Any));
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).WithMetadata(new SiteAttribute(Site.Any));
        app.MapGet("/internal/tls/ask", AskTls).WithMetadata(new SiteAttribute(Site.Any)).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Caddy asks before it obtains a certificate for a host: only hosts that serve a town (or the
    /// platform) get one, so nobody can make us request certificates for arbitrary names.
    /// </summary>
    private static Results<Ok, NotFound> AskTls(string? domain, TenantRegistry registry) =>
        registry.Resolve(domain).Kind is HostMatchKind.Tenant or HostMatchKind.Redirect or HostMatchKind.Platform
            ? TypedResults.Ok()
            : TypedResults.NotFound();
}
