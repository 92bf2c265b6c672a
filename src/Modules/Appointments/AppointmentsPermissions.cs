using Saas.Kernel.Security;

namespace Saas.Modules.Appointments;

/// <summary>The module's permissions as policy names (constants, so attributes can use them).</summary>
internal static class AppointmentsPermissions
{
    public const string Manage = "appointments.manage";

    public const string ManagePolicy = Policies.PermissionPrefix + Manage;
}
