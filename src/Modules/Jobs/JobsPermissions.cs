using Saas.Kernel.Security;

namespace Saas.Modules.Jobs;

/// <summary>The module's permissions as policy names (constants, so attributes can use them).</summary>
internal static class JobsPermissions
{
    /// <summary>Write and publish postings.</summary>
    public const string Manage = "jobs.manage";

    /// <summary>Read applications, download their PDFs, answer applicants: personal data, so TenantAdmin only by default.</summary>
    public const string Applications = "jobs.applications";

    public const string ManagePolicy = Policies.PermissionPrefix + Manage;
    public const string ApplicationsPolicy = Policies.PermissionPrefix + Applications;
}
