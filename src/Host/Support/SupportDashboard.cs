using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Saas.Host.Accounts;
using Saas.Kernel.Modules;
using Saas.Kernel.Security;

namespace Saas.Host.Support;

/// <summary>
/// Hangfire's dashboard at <c>/support/hangfire</c>, on the platform host only, for SupportAdmins
/// who passed the second factor. Hangfire answers 401 without a support session and 403 with one
/// that lacks the role. Its pages need inline script and style: the CSP is relaxed for this path only
/// (<see cref="Web.SecurityHeadersMiddleware"/>).
/// </summary>
internal static class SupportDashboard
{
    public const string Path = "/support/hangfire";

    public static void MapSupportDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new SupportAdminDashboardFilter()],
            DashboardTitle = "Rathausplatz – Hintergrundaufgaben",
            AppPath = "/support/gemeinden",
            DisplayStorageConnectionString = false,
        }).WithMetadata(new SiteAttribute(Site.Platform));
}

/// <summary>The principal must come from the support cookie, be a SupportAdmin, and have passed the second factor.</summary>
internal sealed class SupportAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity is { IsAuthenticated: true, AuthenticationType: AccountSchemes.Support }
            && user.IsInRole(Roles.SupportAdmin)
            && user.HasClaim(AccountClaims.Amr, AccountClaims.MultiFactor)
            && user.FindFirstValue(AccountClaims.Tenant) is null;
    }
}
