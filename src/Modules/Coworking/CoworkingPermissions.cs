using Saas.Kernel.Security;

namespace Saas.Modules.Coworking;

/// <summary>The module's permissions as policy names (constants, so attributes can use them).</summary>
internal static class CoworkingPermissions
{
    public const string Manage = "coworking.manage";

    public const string ManagePolicy = Policies.PermissionPrefix + Manage;
}
