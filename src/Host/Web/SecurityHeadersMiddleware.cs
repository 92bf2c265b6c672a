namespace Saas.Host.Web;

/// <summary>
/// Headers every response carries. The CSP allows no inline script or style at all: themes and
/// brand colours come as stylesheets from our own origin, so an injected tag has nothing to run.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests";

    /// <summary>Over plain HTTP (development, or TLS ended at a proxy without forwarded headers) upgrading would break the page.</summary>
    private static readonly string ContentSecurityPolicyHttp = ContentSecurityPolicy.Replace("; upgrade-insecure-requests", "", StringComparison.Ordinal);

    /// <summary>
    /// Hangfire's dashboard (support console, SupportAdmins only) writes inline script and style; it
    /// gets them on its own path and nowhere else. Everything else of the policy stays.
    /// </summary>
    private static readonly string DashboardPolicy = ContentSecurityPolicy
        .Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
        .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    private static readonly string DashboardPolicyHttp = DashboardPolicy.Replace("; upgrade-insecure-requests", "", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Support.SupportDashboard.Path)
            ? (context.Request.IsHttps ? DashboardPolicy : DashboardPolicyHttp)
            : context.Request.IsHttps ? ContentSecurityPolicy : ContentSecurityPolicyHttp;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
