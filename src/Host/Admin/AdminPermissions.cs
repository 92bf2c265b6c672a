using Saas.Host.Accounts;
using Saas.Kernel.Modules;
using Saas.Kernel.Security;

namespace Saas.Host.Admin;

/// <summary>
/// What each staff role may do in <c>/admin</c>: the core area's own permissions plus those the
/// modules declare (with their default roles). The menu shows an entry only to roles holding its
/// permission, and the users page lists the grants so a TenantAdmin knows what a role means.
/// </summary>
internal sealed class AdminPermissions(PermissionPolicyProvider policies, IEnumerable<IModule> modules)
{
    public const string Dashboard = "core.dashboard";
    public const string Pages = "core.pages";
    public const string Branding = "core.branding";
    public const string Users = "core.users";
    public const string Audit = "core.audit";
    public const string Domains = "core.domains";

    /// <summary>The core permissions; their pages are guarded by the matching policy (Staff or TenantAdmin).</summary>
    public static readonly IReadOnlyList<Permission> Core =
    [
        new(Dashboard, "admin.permission.dashboard", Roles.StaffRoles),
        new(Pages, "admin.permission.pages", Roles.StaffRoles),
        new(Branding, "admin.permission.branding", [Roles.TenantAdmin]),
        new(Users, "admin.permission.users", [Roles.TenantAdmin]),
        new(Audit, "admin.permission.audit", [Roles.TenantAdmin]),
        new(Domains, "admin.permission.domains", [Roles.TenantAdmin]),
    ];

    /// <summary>Every permission with the module it belongs to (null for the core area).</summary>
    public IReadOnlyList<(Permission Permission, IModule? Module)> All =>
        [.. Core.Select(p => (p, (IModule?)null)), .. modules.SelectMany(m => m.Permissions.Select(p => (p, (IModule?)m)))];

    public IReadOnlyList<string> RolesFor(string permission) =>
        Core.FirstOrDefault(p => p.Name == permission)?.DefaultRoles ?? policies.RolesFor(permission);

    /// <summary>Whether <paramref name="role"/> holds <paramref name="permission"/>; unknown permissions are held by nobody.</summary>
    public bool Grants(string? role, string permission) => role is not null && RolesFor(permission).Contains(role);
}
