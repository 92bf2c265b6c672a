using System.Security.Claims;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>
/// The staff menu: the core entries plus what the town's enabled modules contribute, each shown
/// only when the signed-in role holds the entry's permission.
/// </summary>
internal sealed class AdminMenu(AdminPermissions permissions, IEnumerable<IModule> modules, ITenantContext tenant, IHttpContextAccessor http)
{
    public static readonly IReadOnlyList<NavigationItem> CoreEntries =
    [
        new("admin.nav.dashboard", "/admin", 0, AdminPermissions.Dashboard),
        new("admin.nav.pages", "/admin/seiten", 10, AdminPermissions.Pages),
        new("admin.nav.branding", "/admin/gestaltung", 800, AdminPermissions.Branding),
        new("admin.nav.domains", "/admin/domain", 820, AdminPermissions.Domains),
        new("admin.nav.users", "/admin/benutzer", 850, AdminPermissions.Users),
        new("admin.nav.audit", "/admin/protokoll", 900, AdminPermissions.Audit),
    ];

    public IReadOnlyList<NavigationItem> EntriesFor(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role);
        var town = tenant.Current;
        return modules.Where(m => town?.HasFeature(m.FeatureKey) == true)
            .SelectMany(m => m.AdminNavigation)
            .Concat(CoreEntries)
            .Where(item => item.Permission is { } permission && permissions.Grants(role, permission))
            .OrderBy(item => item.Order)
            .ToList();
    }

    /// <summary>The entry whose address is the longest prefix of the current path: <c>/admin/seiten/impressum</c> marks "Seiten".</summary>
    public NavigationItem? Current(IReadOnlyList<NavigationItem> entries)
    {
        var path = http.HttpContext?.Request.Path.Value?.TrimEnd('/') ?? "";
        return entries
            .Where(e => path.Equals(e.Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(e.Href + "/", StringComparison.OrdinalIgnoreCase))
            .MaxBy(e => e.Href.Length);
    }
}
