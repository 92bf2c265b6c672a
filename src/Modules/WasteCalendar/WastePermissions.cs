using Saas.Kernel.Security;

namespace Saas.Modules.WasteCalendar;

/// <summary>The module's permissions as policy names (constants, so attributes can use them).</summary>
internal static class WastePermissions
{
    public const string Manage = "waste-calendar.manage";

    public const string ManagePolicy = Policies.PermissionPrefix + Manage;
}
