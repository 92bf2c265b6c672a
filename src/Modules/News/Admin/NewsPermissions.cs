using Saas.Kernel.Security;

namespace Saas.Modules.News.Admin;

/// <summary>The module's permissions as policy names (constants, so attributes can use them).</summary>
internal static class NewsPermissions
{
    public const string Edit = "news.edit";
    public const string Publish = "news.publish";

    public const string EditPolicy = Policies.PermissionPrefix + Edit;
    public const string PublishPolicy = Policies.PermissionPrefix + Publish;
}
