namespace Saas.Kernel.Security;

/// <summary>
/// Names of the authorization policies the host defines. Modules protect their admin pages and
/// endpoints with these names only; the host decides what each one takes (scheme, second factor, role).
/// </summary>
public static class Policies
{
    /// <summary>A signed-in resident of the current town.</summary>
    public const string Resident = "resident";

    /// <summary>A resident calling the town's API with an access token of the town's app (scope <c>api</c>).</summary>
    public const string ResidentApi = "resident-api";

    /// <summary>A member of the town's staff (Editor or TenantAdmin) who passed the second factor.</summary>
    public const string Staff = "staff";

    /// <summary>A TenantAdmin of the current town who passed the second factor.</summary>
    public const string TenantAdmin = "tenant-admin";

    /// <summary>Vendor support on the platform host, second factor passed.</summary>
    public const string Support = "support";

    /// <summary>Vendor support administrators (Hangfire dashboard, support accounts).</summary>
    public const string SupportAdmin = "support-admin";

    public const string PermissionPrefix = "permission:";

    /// <summary>Staff whose role is granted the module permission <paramref name="name"/>.</summary>
    public static string Permission(string name) => PermissionPrefix + name;
}

/// <summary>The fixed roles of a town's staff and of the vendor's support team.</summary>
public static class Roles
{
    public const string Resident = "Resident";
    public const string Editor = "Editor";
    public const string TenantAdmin = "TenantAdmin";
    public const string Support = "Support";
    public const string SupportAdmin = "SupportAdmin";

    public static IReadOnlyList<string> StaffRoles { get; } = [Editor, TenantAdmin];

    public static bool IsStaff(string? role) => role is Editor or TenantAdmin;
}
